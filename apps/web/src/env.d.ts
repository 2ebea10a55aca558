/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base-map tile URL template, e.g. https://{s}.tile.example/{z}/{x}/{y}.png. Empty: no tiles. */
  readonly VITE_MAP_TILE_URL?: string;
  /** Attribution shown for the tile layer (plain text). */
  readonly VITE_MAP_TILE_ATTRIBUTION?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
