//! A 1000-event batch (Meta's largest) parses in memory proportional to its size. Heap is
//! counted by allocator, which is deterministic, unlike time; the numbers are printed by
//! `cargo run --release -p msgrkit --example parse_memory` and recorded in the README.

#[path = "support/parse_memory.rs"]
mod parse_memory;

#[test]
fn a_1000_event_batch_parses_within_six_times_its_size() {
    let m = parse_memory::measure();
    // Measured at 3.9x (peak) and 3.0x (kept) on 2026-11-21: fail loudly if that grows.
    assert!(
        m.peak <= 6 * m.body,
        "peak {} for a {}-byte body",
        m.peak,
        m.body
    );
    assert!(
        m.kept <= 5 * m.body,
        "kept {} for a {}-byte body",
        m.kept,
        m.body
    );
}
