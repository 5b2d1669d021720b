//! What reading a JSON body into typed values may cost in memory, bounded from above in one linear pass before anything is read.
//!
//! A body's length does not bound the memory its values take: `{}` is two bytes and can
//! become a struct of a hundred optional members (a few kilobytes), so a few megabytes of
//! `[{},{},…]` would take gigabytes. The pass counts objects and values without
//! allocating and charges each object the largest value it could become, so a body is
//! refused before it is read when it could cost more than the client allows.

/// Charged per object besides the largest value it can become: its `Map` (open models
/// keep unknown members in one) and the copy the polymorphic and open models buffer it in.
const OBJECT_COST: u64 = 256;
/// Charged per value (each member and each array element): a `serde_json::Value` or a
/// serde buffer entry (up to 80 bytes each), its key and map slot, held twice at worst
/// while a buffered copy is turned into the typed value.
const VALUE_COST: u64 = 320;
/// A list's first push reserves room for four elements of up to this size (Rust's `Vec`
/// starts at four for elements of at most 1 KiB, at one above), so one-element lists of
/// large values cost four times what they hold.
const FIRST_RESERVE: u64 = 1 << 10;
/// Charged per body byte: the body itself, and strings, which are copied at most twice
/// (into a buffer, then into the typed value).
const BYTE_COST: u64 = 3;

/// How many bytes of memory reading `body` may take at most, when no value it is read
/// into is larger in memory than `largest_value` bytes (`size_of` of the largest type).
///
/// An upper bound, never an exact figure: every `{`, `[`, `:` and `,` outside strings is
/// counted, whatever the JSON's shape and whether or not it is valid. Linear in `body`'s
/// length, and it allocates nothing.
pub fn memory_bound(body: &[u8], largest_value: usize) -> u64 {
    let (mut objects, mut arrays, mut values) = (0u64, 0u64, 1u64);
    let (mut in_string, mut escaped) = (false, false);
    for &b in body {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' => objects += 1,
            b'[' => arrays += 1,
            b':' | b',' => values += 1,
            _ => {}
        }
    }
    let largest = largest_value as u64;
    // Lists double as they grow: while one moves, its old buffer and the new one, twice
    // as large, are both held, so each element may need room for three.
    let per_object = largest.saturating_mul(3).saturating_add(OBJECT_COST);
    let per_array = largest.min(FIRST_RESERVE).saturating_mul(4).saturating_add(VALUE_COST);
    objects
        .saturating_mul(per_object)
        .saturating_add(arrays.saturating_mul(per_array))
        .saturating_add(values.saturating_mul(VALUE_COST))
        .saturating_add((body.len() as u64).saturating_mul(BYTE_COST))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_and_values_are_counted_outside_strings_only() {
        let plain = memory_bound(b"1", 1000);
        assert_eq!(plain, VALUE_COST + BYTE_COST);
        let one = memory_bound(br#"{"a":1}"#, 1000);
        assert_eq!(one, 3000 + OBJECT_COST + 2 * VALUE_COST + 7 * BYTE_COST);
        // Braces, colons and commas inside a string (escaped quotes included) are text.
        let text = br#""{\"a\":[1,2],\\""#;
        assert_eq!(memory_bound(text, 1000), VALUE_COST + text.len() as u64 * BYTE_COST);
    }

    #[test]
    fn empty_objects_cost_the_largest_value_each() {
        let body = "[{},{},{}]";
        let array = 4 * FIRST_RESERVE + VALUE_COST;
        assert_eq!(memory_bound(body.as_bytes(), 5000), 3 * (15_000 + OBJECT_COST) + array + 3 * VALUE_COST + 10 * BYTE_COST);
        // A list of small values reserves room for four of them.
        assert_eq!(memory_bound(b"[]", 10), 40 + VALUE_COST + VALUE_COST + 2 * BYTE_COST);
    }

    #[test]
    fn the_count_saturates_instead_of_wrapping() {
        assert_eq!(memory_bound(b"{}", usize::MAX), u64::MAX);
    }
}
