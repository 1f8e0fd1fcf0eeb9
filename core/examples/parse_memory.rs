//! Peak heap while parsing a 1000-event batch (Meta's largest):
//! `cargo run --release -p msgrkit --example parse_memory`.

#[path = "../tests/support/parse_memory.rs"]
mod parse_memory;

fn main() {
    let m = parse_memory::measure();
    let times = |bytes: usize| bytes as f64 / m.body as f64;
    println!("1000-event batch: body {} bytes", m.body);
    println!(
        "peak heap while parsing: {} bytes ({:.2}x the body)",
        m.peak,
        times(m.peak)
    );
    println!(
        "heap held by the 1000 events: {} bytes ({:.2}x the body)",
        m.kept,
        times(m.kept)
    );
}
