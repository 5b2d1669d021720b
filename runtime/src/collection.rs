//! One page of a collection, as Graph sends a list: `value`, and the link to the next page.

use serde::{Deserialize, Serialize};

/// A page of a collection (`GET …/participants`): the items, and `@odata.nextLink` when
/// more pages follow. Members this type does not model (`@odata.context`, `@odata.count`)
/// are kept, so a page serializes back unchanged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CollectionPage<T> {
    /// The items on this page.
    pub value: Vec<T>,
    /// Where the next page is, when there is one.
    #[serde(rename = "@odata.nextLink", default, skip_serializing_if = "Option::is_none")]
    pub next_link: Option<String>,
    /// Other members of the page (`@odata.context`, `@odata.count`, …).
    #[serde(flatten)]
    pub additional_properties: serde_json::Map<String, serde_json::Value>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_reads_and_writes_back() {
        let text = r#"{"@odata.context":"ctx","value":[1,2],"@odata.nextLink":"https://graph.microsoft.com/beta/next"}"#;
        let page: CollectionPage<u8> = serde_json::from_str(text).unwrap();
        assert_eq!(page.value, [1, 2]);
        assert_eq!(page.next_link.as_deref(), Some("https://graph.microsoft.com/beta/next"));
        let back: serde_json::Value = serde_json::to_value(&page).unwrap();
        assert_eq!(back, serde_json::from_str::<serde_json::Value>(text).unwrap());
    }
}
