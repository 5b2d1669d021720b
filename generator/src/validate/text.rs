//! Text rules for spec values (https URLs, ISO 8601 durations, RFC 3339 date-times, Guids, names) and did-you-mean suggestions.

use super::*;

/// An absolute `https://host…` URL: the generated clients' own rule.
pub fn is_https_url(s: &str) -> bool {
    crate::rules::https_url_problem(s).is_none()
}

/// The collision key of a name: what is left once case and every non-alphanumeric
/// character are gone. Two names with one key become the same identifier in some target
/// language (`busy`/`Busy` in C#'s PascalCase, `callback_uri`/`CallbackUri` in Python's
/// snake_case, `$x`/`x` everywhere).
pub fn ident_key(name: &str) -> String {
    name.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

/// A name that is safe as a file-name component (see [`FILE_NAME_CHARS`]).
pub fn is_file_name(s: &str) -> bool {
    s.len() <= 100
        && s.starts_with(|c: char| c.is_ascii_alphanumeric())
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        && !s.contains("..")
}

/// A type or enum name: an identifier in every target language once cased, and a file
/// name component.
pub fn is_type_name(s: &str) -> bool {
    s.len() <= 100
        && s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Checks text that must spell a primitive: a Guid, or an RFC 3339 date-time with an
/// offset (`2024-05-01T09:30:00Z`, `…T09:30:00.123+02:00`).
pub fn primitive_text_ok(p: Primitive, s: &str) -> Result<(), String> {
    match p {
        Primitive::Guid if !is_guid(s) => Err("a Guid is 8-4-4-4-12 hexadecimal digits".to_owned()),
        Primitive::DateTimeOffset if !is_date_time_offset(s) => {
            Err("an RFC 3339 date-time with an offset, like 2024-05-01T09:30:00Z".to_owned())
        }
        Primitive::Duration if !is_duration(s) => Err("an ISO 8601 duration, like PT20M or P1DT0.5S".to_owned()),
        Primitive::Date if date_parts(s).is_none() => Err("a calendar date, like 2017-09-04".to_owned()),
        Primitive::TimeOfDay if time_parts(s).is_none() => Err("a time of day, like 08:00:00 or 17:30:00.0000000".to_owned()),
        Primitive::Binary if !is_canonical_base64(s) => {
            Err("base64 text as every SDK writes it back: the standard alphabet (`+`, `/`), padded with `=`, no line breaks".to_owned())
        }
        Primitive::Boolean if s != "true" && s != "false" => Err("true or false".to_owned()),
        Primitive::Int32 if s.parse::<i32>().is_err() => Err("a whole number in the Int32 range".to_owned()),
        Primitive::Int64 if s.parse::<i64>().is_err() => Err("a whole number in the Int64 range".to_owned()),
        Primitive::Double if !s.parse::<f64>().is_ok_and(f64::is_finite) => Err("a finite number".to_owned()),
        _ => Ok(()),
    }
}

/// A calendar date `YYYY-MM-DD` (a day that exists: no `2023-02-29`): its year, month
/// and day.
pub fn date_parts(s: &str) -> Option<(u32, u32, u32)> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r.clone()].iter().all(u8::is_ascii_digit).then(|| s[r].parse::<u32>().ok()).flatten();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (y >= 1 && (1..=days).contains(&d)).then_some((y, m, d))
}

/// A time of day `HH:MM[:SS[.fraction]]` (OData's `Edm.TimeOfDay`, up to 12 fractional
/// digits): hour, minute, second, and the fraction's digits unless they are all zero.
pub fn time_parts(s: &str) -> Option<(u32, u32, u32, Option<String>)> {
    let two = |t: &str| (t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse::<u32>().ok()).flatten();
    let (clock, fraction) = match s.split_once('.') {
        Some((c, f)) if !f.is_empty() && f.len() <= 12 && f.bytes().all(|b| b.is_ascii_digit()) => (c, Some(f)),
        Some(_) => return None,
        None => (s, None),
    };
    let mut parts = clock.split(':');
    let h = two(parts.next()?)?;
    let m = two(parts.next()?)?;
    let sec = match parts.next() {
        Some(t) => two(t)?,
        None if fraction.is_some() => return None,
        None => 0,
    };
    if parts.next().is_some() || h > 23 || m > 59 || sec > 59 {
        return None;
    }
    let fraction = fraction.filter(|f| f.bytes().any(|b| b != b'0')).map(str::to_owned);
    Some((h, m, sec, fraction))
}

/// Standard padded base64 that decodes and encodes back to itself, so each SDK, which
/// decodes the snippet's text and writes the bytes back as base64, sends the text as written.
pub fn is_canonical_base64(s: &str) -> bool {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.decode(s).is_ok_and(|bytes| base64::engine::general_purpose::STANDARD.encode(bytes) == s)
}

/// `P[nY][nM][nW][nD][T[nH][nM][n[.n]S]]` with at least one part, and one after a `T`;
/// only seconds may have a fraction (what every SDK's duration parser accepts).
pub(super) fn is_duration(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('-').unwrap_or(s).strip_prefix('P') else { return false };
    let (date, time) = match rest.split_once('T') {
        Some((d, t)) if !t.is_empty() => (d, Some(t)),
        Some(_) => return false,
        None => (rest, None),
    };
    // Each part is digits then its unit, units in order, each once.
    let parts = |text: &str, units: &[char], fraction_on: Option<char>| -> Option<usize> {
        let mut count = 0;
        let mut next = 0;
        let mut digits = String::new();
        for c in text.chars() {
            if c.is_ascii_digit() || (c == '.' && Some(units[units.len() - 1]) == fraction_on && !digits.contains('.')) {
                digits.push(c);
                continue;
            }
            let at = units[next..].iter().position(|u| *u == c)? + next;
            if digits.is_empty() || digits.starts_with('.') || digits.ends_with('.') || (digits.contains('.') && Some(c) != fraction_on) {
                return None;
            }
            digits.clear();
            next = at + 1;
            count += 1;
        }
        digits.is_empty().then_some(count)
    };
    let Some(date_parts) = parts(date, &['Y', 'M', 'W', 'D'], None) else { return false };
    let time_parts = match time {
        Some(t) => match parts(t, &['H', 'M', 'S'], Some('S')) {
            Some(0) | None => return false,
            Some(n) => n,
        },
        None => 0,
    };
    date_parts + time_parts > 0
}

pub(super) fn is_date_time_offset(s: &str) -> bool {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        s.get(r).filter(|t| t.bytes().all(|c| c.is_ascii_digit())).and_then(|t| t.parse().ok())
    };
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't') || b[13] != b':' || b[16] != b':' {
        return false;
    }
    let (Some(y), Some(mo), Some(d), Some(h), Some(mi), Some(sec)) =
        (num(0..4), num(5..7), num(8..10), num(11..13), num(14..16), num(17..19))
    else {
        return false;
    };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&mo) || d == 0 || d > days[mo as usize - 1] || h > 23 || mi > 59 || sec > 60 {
        return false;
    }
    let mut rest = &s[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return false;
        }
        rest = &frac[n..];
    }
    match rest {
        "Z" | "z" => true,
        _ => {
            let o = rest.as_bytes();
            o.len() == 6
                && matches!(o[0], b'+' | b'-')
                && o[3] == b':'
                && rest[1..3].parse::<u32>().is_ok_and(|h| h < 24)
                && rest[4..6].parse::<u32>().is_ok_and(|m| m < 60)
                && rest[1..3].bytes().chain(rest[4..6].bytes()).all(|c| c.is_ascii_digit())
        }
    }
}

pub(super) fn is_guid(s: &str) -> bool {
    let parts: Vec<_> = s.split('-').collect();
    parts.len() == 5 && parts.iter().zip([8, 4, 4, 4, 12]).all(|(p, n)| p.len() == n && p.bytes().all(|b| b.is_ascii_hexdigit()))
}

pub(super) use crate::diag::suggest;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_urls() {
        assert!(is_https_url("https://bot.contoso.com/api/calls"));
        for bad in ["http://bot.contoso.com", "https://", "https:///x", "https://a b", "ftp://x", "/api"] {
            assert!(!is_https_url(bad), "{bad}");
        }
    }

    #[test]
    fn durations_follow_iso_8601() {
        for good in ["PT20M", "PT0.03S", "PT0.015S", "P1D", "P1Y2M3W4DT5H6M7.5S", "-PT1H", "P0D"] {
            assert!(is_duration(good), "{good}");
        }
        for bad in ["", "P", "PT", "20M", "PT20", "PT1.5M", "P1.5D", "PT1S2M", "PT1M1M", "P1DT", "PT.5S", "PT5.S", "P1H"] {
            assert!(!is_duration(bad), "{bad}");
        }
    }

    #[test]
    fn date_times_follow_rfc_3339() {
        for good in ["2024-05-01T09:30:00Z", "2024-02-29T23:59:60.123456+02:00", "2023-12-31t00:00:00-11:30"] {
            assert!(is_date_time_offset(good), "{good}");
        }
        for bad in [
            "not a date",
            "2024-05-01",
            "2024-05-01T09:30:00",
            "2023-02-29T00:00:00Z",
            "2024-13-01T00:00:00Z",
            "2024-05-01T24:00:00Z",
            "2024-05-01T09:30:00.Z",
            "2024-05-01T09:30:00+2:00",
            "２024-05-01T09:30:00Z",
        ] {
            assert!(!is_date_time_offset(bad), "{bad}");
        }
    }

    #[test]
    fn names_that_collide_share_a_key() {
        assert_eq!(ident_key("busy"), ident_key("Busy"));
        assert_eq!(ident_key("callback_uri"), ident_key("CallbackUri"));
        assert_eq!(ident_key("$x"), ident_key("x"));
        assert_ne!(ident_key("x1"), ident_key("x"));
        assert!(
            is_file_name("call-reject.v2")
                && !is_file_name("../x")
                && !is_file_name("a/b")
                && !is_file_name(".hidden")
                && !is_file_name("a\nb")
                && !is_file_name("")
        );
    }

    #[test]
    fn suggestions_find_close_names() {
        assert_eq!(suggest("rejectReson", ["rejectReason", "call"].into_iter()).as_deref(), Some("did you mean `rejectReason`?"));
        assert_eq!(suggest("zzz", ["rejectReason"].into_iter()), None);
    }
}
