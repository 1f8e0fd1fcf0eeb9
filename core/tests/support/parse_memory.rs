//! Peak heap while parsing a 1000-event batch (Meta's largest), counted by a global
//! allocator: shared by `tests/memory.rs` (which bounds it) and
//! `examples/parse_memory.rs` (which prints it).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use msgrkit::webhook;

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator, only counting.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        // SAFETY: the caller's contract, passed on.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// What parsing the batch cost, in bytes.
pub(crate) struct Measured {
    pub(crate) body: usize,
    pub(crate) peak: usize,
    pub(crate) kept: usize,
}

/// Builds a 1000-message batch, then parses it while counting.
pub(crate) fn measure() -> Measured {
    let item = |n: usize| {
        format!(
            r#"{{"sender":{{"id":"65{n:014}"}},"recipient":{{"id":"106000000000001"}},"timestamp":{},"message":{{"mid":"m_{n}_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789","text":"Hello, I have a question about order #{n}: when will it ship? Gr\u00fc\u00dfe \ud83d\udce6","quick_reply":{{"payload":"ORDER_{n}"}}}}}}"#,
            1_763_712_000_000u64 + n as u64
        )
    };
    let items: Vec<String> = (0..1000).map(item).collect();
    let body = format!(
        r#"{{"object":"page","entry":[{{"id":"106000000000001","time":1763712000999,"messaging":[{}]}}]}}"#,
        items.join(",")
    )
    .into_bytes();
    drop(items);
    let before = CURRENT.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let parsed = webhook::parse(&body).expect("a delivery");
    let (peak, kept) = (
        PEAK.load(Ordering::Relaxed) - before,
        CURRENT.load(Ordering::Relaxed) - before,
    );
    assert_eq!(parsed.events.len(), 1000);
    Measured {
        body: body.len(),
        peak,
        kept,
    }
}
