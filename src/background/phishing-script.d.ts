// crxjs builds a `?iife` import as one self-contained script and gives its path in dist.
declare module '*?iife' {
  const path: string;
  export default path;
}
