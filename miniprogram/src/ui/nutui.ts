/**
 * The NutUI components the mini-program uses, registered once with their
 * styles. Listed by hand (no auto-import plugin) so the main package only
 * carries what a page renders. Not Empty: its pictures come from a CDN.
 */
import type { App } from 'vue'
import { Button, Checkbox, CheckboxGroup, Radio, RadioGroup, Searchbar, Switch, Tag } from '@nutui/nutui-taro'
import '@nutui/nutui-taro/dist/styles/reset.css'
import '@nutui/nutui-taro/dist/packages/button/index.css'
import '@nutui/nutui-taro/dist/packages/checkbox/index.css'
import '@nutui/nutui-taro/dist/packages/checkboxgroup/index.css'
import '@nutui/nutui-taro/dist/packages/radio/index.css'
import '@nutui/nutui-taro/dist/packages/radiogroup/index.css'
import '@nutui/nutui-taro/dist/packages/searchbar/index.css'
import '@nutui/nutui-taro/dist/packages/switch/index.css'
import '@nutui/nutui-taro/dist/packages/tag/index.css'

const COMPONENTS = [Button, Checkbox, CheckboxGroup, Radio, RadioGroup, Searchbar, Switch, Tag]

export function installNutUI(app: App): void {
  for (const c of COMPONENTS) app.use(c)
}
