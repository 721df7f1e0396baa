//! The WebAssembly entry point, for the standalone page and the embed bundle.

fn main() {
    organigramme::start();
}
