//! A member the service sends either as one value or as a list of them.

use serde::{Deserialize, Serialize};

/// One value or a list: what Graph sends in an open type's dynamic member such as a
/// notification's `resourceData` (one call, or the participants of a roster update).
/// Each shape serializes back as it was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany<T> {
    /// A list (tried first: a single value is never an array here).
    Many(Vec<T>),
    /// One value.
    One(T),
}

impl<T> OneOrMany<T> {
    /// The values, one or many, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        match self {
            OneOrMany::One(v) => std::slice::from_ref(v).iter(),
            OneOrMany::Many(vs) => vs.iter(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_shapes_read_and_write_back() {
        let one: OneOrMany<u8> = serde_json::from_str("7").unwrap();
        assert_eq!(one, OneOrMany::One(7));
        assert_eq!(serde_json::to_string(&one).unwrap(), "7");
        let many: OneOrMany<u8> = serde_json::from_str("[1,2]").unwrap();
        assert_eq!(many.iter().copied().collect::<Vec<_>>(), [1, 2]);
        assert_eq!(serde_json::to_string(&many).unwrap(), "[1,2]");
    }
}
