// babel-preset-taro: applied by the Taro vite runner to src/ and Taro's own packages.
module.exports = {
  presets: [['taro', { framework: 'vue3', ts: true, compiler: 'vite' }]],
}
