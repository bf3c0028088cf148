// Vite's asset-URL imports (`import url from 'x?url'`): the bundler turns them into the URL of
// the emitted file. Only the form used here is declared, rather than all of vite/client.
declare module '*?url' {
  const url: string;
  export default url;
}
