//! Prints a generated chart for benchmarks:
//! `cargo run -p organigramme-core --example generate -- 10000 [--flat] [--seed 1]`
//! gives a realistic chart of 10,000 units, nested unless `--flat`.

use organigramme_core::generate::{realistic_json, Form};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let units = args.first().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let form = if args.iter().any(|a| a == "--flat") { Form::Flat } else { Form::Nested };
    let seed = args.iter().position(|a| a == "--seed").and_then(|i| args.get(i + 1)?.parse().ok()).unwrap_or(1);
    print!("{}", realistic_json(units, seed, form));
}
