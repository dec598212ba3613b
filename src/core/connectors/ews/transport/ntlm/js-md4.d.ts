// js-md4 ships no type declarations; this is the one function Calpump uses.
declare module 'js-md4' {
  interface Md4 {
    arrayBuffer(message: ArrayBuffer | Uint8Array | string): ArrayBuffer;
  }
  const md4: Md4;
  export default md4;
}
