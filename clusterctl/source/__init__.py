"""Plan files as they are on disk: finding them (`files`), reading their bytes as untrusted
input (`reading`), the exact YAML loader with its source map (`loader`, `syntax`), the
optional Rust parser where it provably reads alike (`fast`), and writing files atomically
under a lock (`writing`)."""
