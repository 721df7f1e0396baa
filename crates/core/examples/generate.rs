//! Prints a generated chart: `cargo run -p organigramme-core --example generate -- 100000 10`.

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>());
    let units = args.next().and_then(Result::ok).unwrap_or(10_000);
    let fanout = args.next().and_then(Result::ok).unwrap_or(10);
    println!("{}", organigramme_core::generate::flat_json(units, fanout));
}
