// Vite's `?url` imports: the bundled file's URL (the QR decoder's .wasm).
declare module '*?url' {
  const url: string;
  export default url;
}
