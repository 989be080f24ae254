declare const FILES: {
    readonly regular: "@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf";
    readonly bold: "@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf";
};
export type FontWeight = keyof typeof FILES;
export declare function fontBytes(weight: FontWeight): Buffer;
export {};
