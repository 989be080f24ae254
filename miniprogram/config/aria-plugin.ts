/**
 * Taro plugin: adds the attributes it is given (`components`, from aria.ts
 * via config/index.ts) to the mini-program's templates (base.wxml), once the
 * weapp platform has set its own up. It imports nothing of ours: Taro loads
 * a plugin file without compiling what that file imports.
 */
import type { IPluginContext } from '@tarojs/service'

interface MiniPlatform {
  template?: { mergeComponents(ctx: IPluginContext, patch: Record<string, Record<string, string>>): void }
}

export default (ctx: IPluginContext, options: { components?: Record<string, Record<string, string>> }): void => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform: MiniPlatform) {
      if (options.components) platform.template?.mergeComponents(ctx, options.components)
    },
  })
}
