//! Validation of names and docs metadata: the API block, identifiers, file-name-safe names and front matter words.

use super::*;

impl<'a> Validator<'a> {
    pub(super) fn api(&mut self, file: usize, a: &raw::RawApi) -> Api {
        let base = a.base_url.value.trim_end_matches('/').to_owned();
        if !is_https_url(&base) {
            self.err(file, &a.base_url, "api.baseUrl", "the base URL must be an absolute https URL", "not an https URL");
        }
        for (what, s) in [("title", &a.title), ("version", &a.version), ("namespace", &a.namespace)] {
            if s.value.trim().is_empty() {
                self.err(file, s, format!("api.{what}"), format!("`{what}` is empty"), "empty");
            }
        }
        // The version and namespace are spliced into package paths and imports of every
        // language (`msgraph-beta-sdk-go`, `Microsoft.Graph.Beta`), so they are held to a
        // pattern rather than escaped.
        let version_ok = a.version.value.split('.').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric()));
        if !a.version.value.is_empty() && !version_ok {
            self.err(
                file,
                &a.version,
                "api.version",
                format!("{:?} is not a version: letters and digits in `.`-separated parts (`beta`, `v1.0`)", a.version.value),
                "not a version",
            );
        }
        let ns_ok = a
            .namespace
            .value
            .split('.')
            .all(|p| p.starts_with(|c: char| c.is_ascii_alphabetic()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
        if !a.namespace.value.is_empty() && !ns_ok {
            self.err(
                file,
                &a.namespace,
                "api.namespace",
                format!("{:?} is not a namespace: `.`-separated identifiers (`microsoft.graph`)", a.namespace.value),
                "not a namespace",
            );
        }
        Api {
            title: a.title.value.clone(),
            version: a.version.value.clone(),
            namespace: a.namespace.value.clone(),
            base_url: base,
            notice: a.notice.as_ref().map(|n| n.value.clone()),
            subservice: a.subservice.as_ref().and_then(|v| self.front_matter_word(file, v, "api.subservice")),
            localization_priority: a
                .localization_priority
                .as_ref()
                .and_then(|v| self.front_matter_word(file, v, "api.localizationPriority")),
        }
    }

    /// `file:line:column` of a spanned value, for messages naming a second place.
    pub(super) fn at<T>(&self, file: usize, s: &S<T>) -> String {
        format!(
            "{}:{}:{}",
            crate::diag::shown_path(std::path::Path::new(&self.spec.sources.files[file].0)),
            s.referenced.line(),
            s.referenced.column()
        )
    }

    /// Names may not hold control or bidi characters (they reach comments, docs and
    /// terminals); reports and returns false when one does.
    pub(super) fn plain_name(&mut self, file: usize, name: &S<String>, key: &str) -> bool {
        if name.value.chars().any(crate::diag::is_unsafe) {
            self.err(
                file,
                name,
                key,
                format!("{} holds a control or bidi character", crate::diag::escape_controls(&format!("{:?}", name.value))),
                "not a plain name",
            );
            return false;
        }
        true
    }

    /// A name that becomes part of a file name.
    /// A docs front matter value (an alias, a subservice): one word of
    /// [`FILE_NAME_CHARS`], so a page's metadata stays one plain YAML scalar.
    pub(super) fn front_matter_word(&mut self, file: usize, v: &S<String>, key: &str) -> Option<String> {
        if is_file_name(&v.value) {
            return Some(v.value.clone());
        }
        let shown = crate::diag::escape_controls(&format!("{:?}", v.value));
        self.err_help(
            file,
            v,
            key,
            format!("{shown} is not a docs front matter word"),
            "not one word",
            Some(format!("use {FILE_NAME_CHARS}")),
        );
        None
    }

    pub(super) fn file_name(&mut self, file: usize, name: &S<String>, key: &str, what: &str) -> bool {
        if is_file_name(&name.value) {
            return true;
        }
        let shown = crate::diag::escape_controls(&format!("{:?}", name.value));
        self.err_help(
            file,
            name,
            key,
            format!("{shown} cannot be {what}: it becomes a file name"),
            "not a safe file name",
            Some(format!("use {FILE_NAME_CHARS}")),
        );
        false
    }
}
