//! Checks on argument values that the spec declares and that must hold before a request is sent.

use crate::error::Error;

/// Refuses anything but an absolute `https://` URL with a host.
pub fn require_https_url(name: &str, value: &str) -> Result<(), Error> {
    let refuse = |reason: String| Error::InvalidArgument { name: name.to_owned(), reason };
    let url = url::Url::parse(value).map_err(|e| refuse(format!("{value:?} is not an absolute URL ({e})")))?;
    if url.scheme() != "https" {
        return Err(refuse(format!("{value:?} must use https, not {}", url.scheme())));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(refuse(format!("{value:?} has no host")));
    }
    Ok(())
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
