//! Checks on argument values that the spec declares and that must hold before a request is sent.

use crate::error::Error;

/// Refuses anything but an absolute `https://` URL with a host.
pub fn require_https_url(name: &str, value: &str) -> Result<(), Error> {
    match crate::rules::https_url_problem(value) {
        Some(reason) => Err(Error::InvalidArgument { name: name.to_owned(), reason }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::require_https_url;

    #[test]
    fn only_absolute_https_urls_pass() {
        assert!(require_https_url("callbackUri", "https://bot.contoso.com/api/calls").is_ok());
        for bad in ["http://bot.contoso.com/", "/api/calls", "bot.contoso.com", "", "ftp://x", "https://"] {
            assert!(require_https_url("callbackUri", bad).is_err(), "{bad} was accepted");
        }
    }
}
