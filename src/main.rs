//! The standalone page served by `trunk serve`.

fn main() {
    organigramme::start_standalone();
}
