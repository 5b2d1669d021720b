//! The generated client's memory, measured: reading a response never takes more than `memory_bound` says, and a body whose bound passes the limit is refused unread.
//!
//! A counting allocator records, for the thread under test only, the most bytes held at
//! once; the figures are measured, not modelled, so a shape the bound forgot fails here.

use graph_beta::models::{Call, Entity, Participant, LARGEST_VALUE};
use graph_beta::{Error, GraphClient};
use sdkgen_runtime::serde::de::DeserializeOwned;
use sdkgen_runtime::{memory_bound, CollectionPage};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::io::{Read, Write};
use std::net::TcpListener;

struct Counting;

thread_local! {
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    static HELD: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

fn charge(grow: usize, shrink: usize) {
    // `try_with`: the allocator also runs while thread-locals are torn down.
    let _ = COUNTING.try_with(|on| {
        if on.get() {
            let held = HELD.with(|h| {
                let now = (h.get() + grow).saturating_sub(shrink);
                h.set(now);
                now
            });
            PEAK.with(|p| p.set(p.get().max(held)));
        }
    });
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        charge(layout.size(), 0);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        charge(0, layout.size());
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // Both blocks exist while the old one is copied.
        charge(new_size, 0);
        charge(0, layout.size());
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The most bytes this thread held at once while `f` ran, counted from zero at its start.
fn peak<R>(f: impl FnOnce() -> R) -> (R, usize) {
    HELD.with(|h| h.set(0));
    PEAK.with(|p| p.set(0));
    COUNTING.with(|c| c.set(true));
    let r = f();
    COUNTING.with(|c| c.set(false));
    (r, PEAK.with(Cell::get))
}

/// Reads `body` as `T` the way the client does and checks the measured peak (the value's
/// own storage included, as the caller would hold it) against the bound.
fn read_within_bound<T: DeserializeOwned>(what: &str, body: &str) -> usize {
    let bound = memory_bound(body.as_bytes(), LARGEST_VALUE.max(std::mem::size_of::<T>()));
    let (value, used) = peak(|| serde_json::from_str::<T>(body));
    let value = value.unwrap_or_else(|e| panic!("{what}: {e}"));
    drop(value);
    assert!(used as u64 <= bound, "{what}: reading {} bytes took {used} bytes, over its bound {bound}", body.len());
    used
}

fn repeat(item: &str, n: usize) -> String {
    vec![item; n].join(",")
}

#[test]
fn reading_any_shape_takes_no_more_than_its_bound() {
    let n = 20_000;
    // Small objects that each become a large struct: the shape a body length cannot bound.
    let empty = read_within_bound::<Call>("empty objects in a list", &format!(r#"{{"targets":[{}]}}"#, repeat("{}", n)));
    assert!(empty > n * 100, "the shape is as costly as claimed: {empty} bytes for {n} objects");
    read_within_bound::<Vec<Entity>>(
        "polymorphic objects, buffered then typed",
        &format!("[{}]", repeat(r##"{"@odata.type":"#microsoft.graph.call"}"##, n)),
    );
    read_within_bound::<Vec<Entity>>(
        "unknown derived types, kept as maps",
        &format!("[{}]", repeat(r##"{"@odata.type":"#x.y","a":1,"b":[]}"##, n)),
    );
    read_within_bound::<CollectionPage<Participant>>(
        "a page",
        &format!(r#"{{"value":[{}],"@odata.nextLink":"https://x/y"}}"#, repeat(r#"{"id":"p","info":{"identity":{"user":{"id":"u"}}}}"#, n)),
    );
    let members: Vec<String> = (0..n).map(|i| format!(r#""m{i}":0"#)).collect();
    read_within_bound::<Call>("unknown members of an open model", &format!("{{{}}}", members.join(",")));
    read_within_bound::<Call>("unknown members holding arrays", &format!(r#"{{"x":[{}]}}"#, repeat("[]", n)));
    read_within_bound::<serde_json::Value>("nested arrays", &format!("{}{}", "[".repeat(120), "]".repeat(120)));
    read_within_bound::<Call>("strings with escapes", &format!(r#"{{"subject":"{}","id":"{}"}}"#, r"\u00e9\n".repeat(n), "x".repeat(n)));
    read_within_bound::<Vec<String>>("short strings", &format!("[{}]", repeat(r#""a""#, n)));
    read_within_bound::<Vec<Entity>>(
        "one-element lists",
        &format!("[{}]", repeat(r##"{"@odata.type":"#microsoft.graph.call","targets":[{}],"callRoutes":[{}]}"##, n)),
    );
    // One past a power of two: the list has just grown, and both its old and its new
    // buffer were held while it moved.
    read_within_bound::<Vec<Call>>("a list of the largest type", &format!("[{}]", repeat("{}", (1 << 14) + 1)));
}

/// One HTTP/1.1 answer with `body`, on 127.0.0.1, on its own thread (outside the count).
fn serve_once(body: String) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut head = [0u8; 8192];
        let _ = stream.read(&mut head);
        let answer = format!(
            "HTTP/1.1 201 Created\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
            body.len()
        );
        let _ = stream.write_all(answer.as_bytes());
        let _ = stream.write_all(body.as_bytes());
    });
    format!("http://{addr}/beta")
}

#[test]
fn a_body_of_a_million_small_objects_is_refused_before_it_is_read() {
    // 3 MB, far under the 64 MiB length cap: a million `{}` that would each become a struct.
    let body = format!(r#"{{"targets":[{}]}}"#, repeat("{}", 1_000_000));
    let base = serve_once(body.clone());
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let client = GraphClient::new(GraphClient::builder().base_url(base).token("t").build().unwrap());
    let (result, used) = peak(|| rt.block_on(client.call_create(&Call::default())));
    match result {
        Err(Error::ResponseTooLargeInMemory { bound, limit }) => {
            assert_eq!(limit, sdkgen_runtime::DEFAULT_MAX_RESPONSE_MEMORY);
            assert_eq!(bound, memory_bound(body.as_bytes(), LARGEST_VALUE));
            assert!(bound > limit);
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    // The body itself (with its buffer's growth) and the client: nothing per object.
    assert!(used < 4 * body.len() + (4 << 20), "the refusal took {used} bytes for a {}-byte body", body.len());
    let shown = Error::ResponseTooLargeInMemory { bound: 5, limit: 4 }.to_string();
    assert_eq!(shown, "reading the response could take up to 5 bytes of memory, more than the client's limit of 4");
}

#[test]
fn the_limit_is_the_callers_to_set_and_a_body_within_it_is_read() {
    let body = format!(r#"{{"targets":[{}]}}"#, repeat("{}", 1000));
    let bound = memory_bound(body.as_bytes(), LARGEST_VALUE);
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    for (limit, read) in [(bound, true), (bound - 1, false)] {
        let base = serve_once(body.clone());
        let client = GraphClient::new(GraphClient::builder().base_url(base).token("t").max_response_memory(limit).build().unwrap());
        let result = rt.block_on(client.call_create(&Call::default()));
        match result {
            Ok(call) => assert!(read && call.targets.unwrap().len() == 1000),
            Err(Error::ResponseTooLargeInMemory { .. }) => assert!(!read, "refused at its own bound"),
            Err(e) => panic!("{e}"),
        }
    }
}

#[test]
fn the_crate_charges_its_largest_model() {
    // Hand-checked: `Call` is among the largest structs of the call family, so the crate's
    // figure is at least its size, and `GraphClient::new` hands it to the runtime.
    assert!(LARGEST_VALUE >= std::mem::size_of::<Call>());
    assert!(LARGEST_VALUE >= std::mem::size_of::<Participant>());
    let client = GraphClient::new(GraphClient::builder().token("t").build().unwrap());
    assert!(format!("{:?}", client.runtime()).contains(&format!("largest_value: {LARGEST_VALUE}")));
}
