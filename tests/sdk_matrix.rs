//! The SDK matrix: every snippet of the shipped spec, run as printed with the real SDK
//! package of its language and generation where one can run here, against a recorder on
//! 127.0.0.1; the request must equal the HTTP example's (method, path, query, JSON body)
//! and carry `Authorization` where the SDK sends one. The harness may add a prelude (a
//! client pointed at the recorder, a wrapping function) but never edits a snippet's lines.
//!
//! The matrix it produces is checked in to the README; the test fails when the README's
//! copy is stale (`SDKGEN_UPDATE_MATRIX=1 cargo test -p sdkgen-tests --test sdk_matrix`
//! rewrites it) and when any runnable cell is not green.

use sdkgen::model::{Action, Example};
use sdkgen::target::{Language, Style};
use sdkgen_tests::checks::*;
use sdkgen_tests::recorder::{
    from_http_snippet, only_request, recorder, recorders, run_batch, run_javascript, run_javascript_all, run_python, run_python_all,
    Answer, Captured, Job, Wire,
};
use sdkgen_tests::{root, run, scratch, tool, write, SnippetFile};
use std::collections::BTreeMap;
use std::process::Command;

/// The packages the runnable cells use, exactly as pinned by the set-up.
const JS_SDK: &str = "npm @microsoft/microsoft-graph-client 3.0.7";
const PY_SDK: &str = "PyPI msgraph-beta-sdk 1.66.0";
const JAVA_CURRENT_SDK: &str = "Maven com.microsoft.graph:microsoft-graph-beta 6.59.0";
const JAVA_LEGACY_SDK: &str = "Maven com.microsoft.graph:microsoft-graph 5.80.0 (request-builder generation)";
/// Go's compiler without optimisation or inlining: the SDK's packages compile about 10%
/// faster and in 1.8 GB less (measured: 451 s and 7.9 GB against 502 s and 9.8 GB), and a
/// snippet's request is the same. The set-up's warm build uses the same flags.
const GO_GCFLAGS: &str = "-gcflags=all=-N -l";
const GO_SDK: &str = "Go github.com/microsoftgraph/msgraph-beta-sdk-go v0.165.0";
const TOKEN: &str = "Bearer test-token";

/// Page-style Java snippets that cannot compile against the request-builder SDK served
/// here because it is Graph v1.0's (the beta one is not on Maven Central) and v1.0 lacks
/// a beta parameter the example sets: (example, the missing builder method, the reason
/// shown in the cell). Each must really fail on that method, or the test says to remove it.
const LEGACY_V1_LACKS: &[(&str, &str, &str)] = &[
    ("call-playPrompt", "withLoop", "v1.0's request-builder SDK has no `loop` (a beta parameter); the beta one is not on Maven Central"),
    ("call-redirect", "withTargetDisposition", REDIRECT_V1),
    ("call-redirect-simuring", "withTargetDisposition", REDIRECT_V1),
    ("call-redirect-pstn", "withTargetDisposition", REDIRECT_V1),
    (
        "call-recordResponse",
        "withStreamWhileRecording",
        "v1.0's request-builder SDK has no `streamWhileRecording` (beta only); the page-style call passes every parameter, so it cannot compile against v1.0",
    ),
    ("call-transfer", "endpointType", TRANSFER_V1),
    ("call-transfer-consultative", "endpointType", TRANSFER_V1),
    ("call-transfer-pstn", "endpointType", TRANSFER_V1),
    ("call-transfer-pstn-consultative", "endpointType", TRANSFER_V1),
    ("create-group-call-service-hosted-media", "removeFromDefaultAudioGroup", MEDIA_CONFIG_V1),
    ("create-group-call-app-hosted-media", "removeFromDefaultAudioGroup", MEDIA_CONFIG_V1),
    ("join-meeting-service-hosted-media", "allowConversationWithoutHost", ORGANIZER_V1),
    ("join-meeting-app-hosted-media", "allowConversationWithoutHost", ORGANIZER_V1),
    ("join-channel-meeting-service-hosted-media", "allowConversationWithoutHost", ORGANIZER_V1),
    ("join-channel-meeting-as-guest-service-hosted-media", "allowConversationWithoutHost", ORGANIZER_V1),
];
const MEDIA_CONFIG_V1: &str =
    "v1.0's request-builder media configurations have no `removeFromDefaultAudioGroup` (a beta member the example sets)";
const ORGANIZER_V1: &str =
    "v1.0's request-builder `OrganizerMeetingInfo` has no `allowConversationWithoutHost` (a beta member the example sets)";
/// Today's Go SDK cells whose request the SDK itself garbles: (example, what its wire body
/// shows instead, the reason shown in the cell). Each must really differ that way, or the
/// test says to remove it.
const GO_SDK_GARBLES: &[(&str, &str, &str)] = &[(
    "call_logteleconferencedevicequality",
    r#""averageInboundJitter": String("P")"#,
    "kiota-abstractions-go's ISODuration drops fractions of a second: `PT0.01S` goes on the wire as `P` (whole minutes, `PT20M`, survive); the snippet builds each value with `serialization.ParseISODuration` from the example's text",
)];
const TRANSFER_V1: &str = "v1.0's request-builder `InvitationParticipantInfo` has no `endpointType` (a beta member the example sets)";
const REDIRECT_V1: &str =
    "v1.0's request-builder SDK has no `targetDisposition` (deprecated, beta only); the page-style call passes every parameter, so it cannot compile against v1.0";

#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    Pass,
    /// Equal but for a difference that addresses the same resource, named in the cell.
    PassNoted(String),
    Fail(String),
    /// Not possible here, with the reason.
    No(&'static str),
}

impl Outcome {
    fn cell(&self) -> String {
        match self {
            Outcome::Pass => "✓".into(),
            Outcome::PassNoted(note) => format!("✓ ({note})"),
            Outcome::Fail(_) => "✗".into(),
            Outcome::No(why) => (*why).to_owned(),
        }
    }
}

/// The request-builder SDKs address a bound action by its namespace-qualified name
/// (`…/microsoft.graph.reject`); OData, and so Graph, resolve both spellings to the same
/// action. Only that difference in the last segment is accepted, and it is reported.
fn namespace_qualified(sent: &Wire, expected: &Wire, namespace: &str) -> bool {
    let Some((head, last)) = expected.path.rsplit_once('/') else { return false };
    let qualified = Wire { path: format!("{head}/{namespace}.{last}"), ..expected.clone() };
    *sent == qualified
}

/// A function call's last segment, `reminderView(StartDateTime='a',EndDateTime='b')`, as
/// its name and its arguments (split at the commas outside quoted text); `None` for the
/// arguments when there are no parentheses.
fn function_segment(segment: &str) -> (&str, Option<Vec<&str>>) {
    let Some((name, rest)) = segment.split_once('(') else { return (segment, None) };
    let inside = rest.strip_suffix(')').unwrap_or(rest);
    let (mut args, mut start, mut quoted) = (Vec::new(), 0, false);
    for (i, c) in inside.char_indices() {
        match c {
            '\'' => quoted = !quoted,
            ',' if !quoted => {
                args.push(&inside[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    if !inside.is_empty() {
        args.push(&inside[start..]);
    }
    (name, Some(args))
}

/// How Graph reads a function call alike whose bytes differ from the documented one, named:
/// a namespace-qualified segment (`microsoft.graph.reminderView`), argument names in
/// another letter case (`startDateTime` for the metadata's `StartDateTime`), and no `()`
/// after a function without arguments (`/users/delta`). `None` when the request differs
/// otherwise (or not at all).
fn function_call_alike(sent: &Wire, expected: &Wire) -> Option<String> {
    let same_rest = Wire { path: expected.path.clone(), ..sent.clone() } == *expected;
    let ((sent_head, sent_last), (want_head, want_last)) = (sent.path.rsplit_once('/')?, expected.path.rsplit_once('/')?);
    if !same_rest || sent_head != want_head || sent.path == expected.path {
        return None;
    }
    let mut notes = Vec::new();
    let sent_last = match sent_last.strip_prefix("microsoft.graph.") {
        Some(rest) => {
            notes.push("namespace-qualified function segment");
            rest
        }
        None => sent_last,
    };
    let ((sent_name, sent_args), (want_name, want_args)) = (function_segment(sent_last), function_segment(want_last));
    if sent_name != want_name {
        return None;
    }
    let (sent_args, want_args) = (sent_args.unwrap_or_default(), want_args.unwrap_or_default());
    if sent_args.len() != want_args.len() {
        return None;
    }
    if !sent_last.contains('(') && want_args.is_empty() {
        notes.push("no `()` after a function without arguments");
    }
    let mut case_differs = false;
    for (s, w) in sent_args.iter().zip(&want_args) {
        let (Some((sn, sv)), Some((wn, wv))) = (s.split_once('='), w.split_once('=')) else { return None };
        if sv != wv || !sn.eq_ignore_ascii_case(wn) {
            return None;
        }
        case_differs |= sn != wn;
    }
    if case_differs {
        notes.push("argument names in another letter case");
    }
    (!notes.is_empty()).then(|| format!("Graph reads it alike: {}", notes.join(", ")))
}

/// msgraph-beta-sdk 1.66.0's URI templates (std-uritemplate 2.0.12, the newest) drop a
/// literal `,` that follows an expression: `reminderView(StartDateTime='{StartDateTime}',EndDateTime='{EndDateTime}')`
/// goes out as `reminderView(StartDateTime='a'EndDateTime='b')`. Whether `sent` is exactly
/// `expected` with that defect.
fn python_drops_argument_commas(sent: &Wire, expected: &Wire) -> bool {
    let Some((head, last)) = expected.path.rsplit_once('/') else { return false };
    let (name, Some(args)) = function_segment(last) else { return false };
    args.len() > 1 && *sent == Wire { path: format!("{head}/{name}({})", args.concat()), ..expected.clone() }
}

/// What one SDK sent (its run's result), or why it could not run (its build's outcome).
type Ran = Result<Result<Captured, String>, Outcome>;

/// What one SDK's function call sent, against the documented request.
#[derive(Debug, PartialEq)]
enum Call {
    Exact,
    Alike(String),
    /// The Python SDK's known defect ([`python_drops_argument_commas`]).
    PythonDropsCommas,
    Wrong(Outcome),
}

fn compare_call(got: Result<Captured, String>, expected: &Wire, sends_auth: bool, python: bool, entity: &str) -> Call {
    let sent = got.as_ref().ok().map(|c| c.wire.clone());
    let auth_ok = got.as_ref().is_ok_and(|c| !sends_auth || c.authorization.as_deref() == Some(TOKEN));
    match (compare(got, expected, sends_auth, &[]), sent) {
        (Outcome::Pass, _) => Call::Exact,
        (_, Some(sent)) if auth_ok && names_its_own_type(&sent, expected, entity) => {
            Call::Alike(format!("{OWN_TYPE} (`#microsoft.graph.{entity}`), the type its address takes"))
        }
        (_, Some(sent)) if auth_ok && times_alike(&sent, expected) => Call::Alike(TIMES.to_owned()),
        (_, Some(sent)) if auth_ok && function_call_alike(&sent, expected).is_some() => {
            Call::Alike(function_call_alike(&sent, expected).unwrap_or_default())
        }
        (_, Some(sent)) if auth_ok && reference_from_service_root(&sent, expected) => Call::Alike(
            "writes the reference's `@odata.id` from its own service root (`{serviceRoot}/directoryObjects/{id}`), here the recorder's"
                .to_owned(),
        ),
        (_, Some(sent)) if auth_ok && python && python_drops_argument_commas(&sent, expected) => Call::PythonDropsCommas,
        (other, _) => Call::Wrong(other),
    }
}

/// How the SDKs write a time of day: each at its own precision.
const TIMES: &str = "writes each time of day at its own precision (`08:00` or `08:00:00` for `08:00:00.0000000`), the same time";

/// A time of day `HH:MM[:SS[.fraction]]` as (hour, minute, second, fraction without its
/// trailing zeros): `08:00`, `08:00:00` and `08:00:00.0000000` are one time.
fn time_of_day(s: &str) -> Option<(u32, u32, u32, String)> {
    let (clock, fraction) = s.split_once('.').unwrap_or((s, ""));
    let parts: Vec<u32> = clock.split(':').map(|p| (p.len() == 2).then(|| p.parse().ok()).flatten()).collect::<Option<_>>()?;
    let digits = fraction.bytes().all(|b| b.is_ascii_digit());
    match parts[..] {
        [h, m] if fraction.is_empty() => Some((h, m, 0, String::new())),
        [h, m, s] if digits => Some((h, m, s, fraction.trim_end_matches('0').to_owned())),
        _ => None,
    }
}

/// Whether `sent` is `expected` but for times of day written at another precision, each
/// the same time (Graph reads an `Edm.TimeOfDay` by its value).
fn times_alike(sent: &Wire, expected: &Wire) -> bool {
    fn alike(a: &serde_json::Value, b: &serde_json::Value, differs: &mut bool) -> bool {
        use serde_json::Value;
        match (a, b) {
            _ if a == b => true,
            (Value::String(x), Value::String(y)) => {
                *differs = true;
                time_of_day(x).is_some() && time_of_day(x) == time_of_day(y)
            }
            (Value::Object(x), Value::Object(y)) => {
                x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| alike(v, w, differs)))
            }
            (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(v, w)| alike(v, w, differs)),
            _ => false,
        }
    }
    let (Some(got), Some(want)) = (&sent.body, &expected.body) else { return false };
    let mut differs = false;
    let same_otherwise = Wire { body: None, ..sent.clone() } == Wire { body: None, ..expected.clone() };
    same_otherwise && alike(got, want, &mut differs) && differs
}

/// What a Kiota SDK adds to an entity it creates: its model's constructor sets the type.
const OWN_TYPE: &str = "names the entity's own type in `@odata.type`";

/// Whether `sent` is the documented entity write but for an `@odata.type` naming the
/// operation's own entity type, which the page leaves out and a Kiota model's constructor
/// sets (msgraph-beta-sdk's `Event`: `odata_type = "#microsoft.graph.event"`). Graph reads it
/// alike: the type is the one the address takes.
fn names_its_own_type(sent: &Wire, expected: &Wire, entity: &str) -> bool {
    let (Some(serde_json::Value::Object(got)), Some(serde_json::Value::Object(want))) = (&sent.body, &expected.body) else { return false };
    let mut rest = got.clone();
    let named = rest.remove("@odata.type") == Some(serde_json::Value::String(format!("#microsoft.graph.{entity}")));
    let same_otherwise = Wire { body: None, ..sent.clone() } == Wire { body: None, ..expected.clone() };
    named && !want.contains_key("@odata.type") && &rest == want && same_otherwise
}

/// Whether `sent` is the documented reference write but for the origin of its `@odata.id`:
/// the legacy Java SDK takes the entity's id and writes its service root before it, which
/// a test points at the recorder. Graph reads the URL by its path.
fn reference_from_service_root(sent: &Wire, expected: &Wire) -> bool {
    let url = |w: &Wire| -> Option<String> {
        let body = w.body.as_ref()?.as_object()?;
        (body.len() == 1).then_some(())?;
        body.get("@odata.id")?.as_str().map(str::to_owned)
    };
    let path = |u: &str| u.split_once("://").and_then(|(_, rest)| rest.find('/').map(|i| rest[i..].to_owned()));
    let (Some(got), Some(want)) = (url(sent), url(expected)) else { return false };
    let same_otherwise = Wire { body: None, ..sent.clone() } == Wire { body: None, ..expected.clone() };
    same_otherwise && got != want && path(&got).is_some() && path(&got) == path(&want)
}

struct Row {
    language: String,
    style: String,
    example: String,
    sdk: String,
    parsed: Outcome,
    compiled: Outcome,
    request: Outcome,
}

/// The parameters an action gives a `default` in the spec, with it: an SDK whose model
/// always writes them sends that value, which the service reads as not sending them.
fn documented_defaults(action: &Action) -> Vec<(String, serde_json::Value)> {
    action.parameters.iter().filter_map(|p| p.default.clone().map(|d| (p.name.clone(), d))).collect()
}

fn compare(got: Result<Captured, String>, expected: &Wire, sends_auth: bool, defaults: &[(String, serde_json::Value)]) -> Outcome {
    compare_in(got, expected, sends_auth, None, defaults)
}

/// [`compare`], accepting a namespace-qualified action segment when `namespace` is given.
/// Members in `defaults` that the SDK sends with their default while the example leaves them out
/// are accepted and named in the cell: the documented request is the contract, and
/// the difference is shown rather than hidden.
fn compare_in(
    got: Result<Captured, String>,
    expected: &Wire,
    sends_auth: bool,
    namespace: Option<&str>,
    defaults: &[(String, serde_json::Value)],
) -> Outcome {
    let c = match got {
        Err(e) => return Outcome::Fail(e),
        Ok(c) => c,
    };
    if sends_auth && c.authorization.as_deref() != Some(TOKEN) {
        return Outcome::Fail(format!("Authorization was {:?}, expected {TOKEN:?}", c.authorization));
    }
    let mut sent = c.wire.clone();
    let mut added = Vec::new();
    if let (Some(serde_json::Value::Object(body)), Some(serde_json::Value::Object(want))) = (&mut sent.body, &expected.body) {
        let mut sent_defaults = Vec::new();
        for (name, default) in defaults {
            if !want.contains_key(name) && body.get(name) == Some(default) {
                body.remove(name);
                sent_defaults.push(format!("`{name}: {default}`"));
            }
        }
        if !sent_defaults.is_empty() {
            added.push(sent_defaults.join(", "));
        }
    }
    // An explicit `null` the example writes and the SDK leaves out says the same to a POST
    // (a new resource's or a parameter's unset member reads as null); not to a PATCH, where
    // null clears the member, so there it stays a difference.
    let mut expected = expected.clone();
    let mut nulls = Vec::new();
    if expected.method != "PATCH" {
        if let (Some(want), Some(body)) = (&mut expected.body, &sent.body) {
            drop_unsent_nulls(want, body, "", &mut nulls);
        }
    }
    if !nulls.is_empty() {
        added.push(format!(
            "leaves out the example's explicit {}, which a POST reads as unset",
            nulls.iter().map(|n| format!("`{n}: null`")).collect::<Vec<_>>().join(", ")
        ));
    }
    let expected = &expected;
    let noted = |what: &str| {
        if added.is_empty() {
            what.to_owned()
        } else {
            let also = added
                .iter()
                .map(|a| {
                    if a.starts_with("leaves out") {
                        format!("the SDK {a}")
                    } else {
                        format!("the SDK also sends {a}, documented defaults the example leaves out")
                    }
                })
                .collect::<Vec<_>>()
                .join("; ");
            if what.is_empty() {
                also
            } else {
                format!("{what}; {also}")
            }
        }
    };
    if sent == *expected {
        if added.is_empty() {
            Outcome::Pass
        } else {
            Outcome::PassNoted(noted(""))
        }
    } else if namespace.is_some_and(|ns| namespace_qualified(&sent, expected, ns)) {
        Outcome::PassNoted(noted("namespace-qualified action segment"))
    } else {
        Outcome::Fail(format!("request differs\n  sent:     {:?}\n  expected: {:?}", c.wire, expected))
    }
}

/// Removes from `want` each `null` member that `sent` does not have at the same place,
/// naming it (dotted from the body) in `dropped`.
fn drop_unsent_nulls(want: &mut serde_json::Value, sent: &serde_json::Value, at: &str, dropped: &mut Vec<String>) {
    use serde_json::Value;
    match (want, sent) {
        (Value::Object(w), Value::Object(s)) => {
            w.retain(|k, v| {
                let keep = !v.is_null() || s.contains_key(k);
                if !keep {
                    dropped.push(format!("{at}{k}"));
                }
                keep
            });
            for (k, v) in w.iter_mut() {
                if let Some(sv) = s.get(k) {
                    drop_unsent_nulls(v, sv, &format!("{at}{k}."), dropped);
                }
            }
        }
        (Value::Array(w), Value::Array(s)) => {
            for (i, (wv, sv)) in w.iter_mut().zip(s).enumerate() {
                drop_unsent_nulls(wv, sv, &format!("{at}{i}."), dropped);
            }
        }
        _ => {}
    }
}

fn shipped_snippets() -> Vec<SnippetFile> {
    sdkgen_tests::snippet_files().into_iter().filter(|f| f.path.starts_with("generated/")).collect()
}

/// Tree-sitter, then the language's own parser where there is one, for each file: each
/// parser runs once over all the files of its language (one JVM for javac, one CPython).
fn parsed_all(files: &[&SnippetFile]) -> Vec<Outcome> {
    let mut errors: Vec<Vec<String>> = files.iter().map(|f| syntax_errors(&f.language, &f.code)).collect();
    let mut languages: Vec<&str> = files.iter().map(|f| f.language.as_str()).collect();
    languages.sort_unstable();
    languages.dedup();
    for language in languages {
        let mine: Vec<usize> = (0..files.len()).filter(|&i| files[i].language == language).collect();
        let named: Vec<(String, String)> = mine.iter().map(|&i| (files[i].path.clone(), files[i].code.clone())).collect();
        let failures = match language {
            "javascript" => node_check(&named),
            "java" => javac_parse(&named),
            "go" => gofmt_check(&named),
            "python" => python_parse(&named),
            "php" => php_lint(&named),
            "cli" => bash_check(&named),
            _ => Vec::new(),
        };
        for failure in failures {
            // Each checker starts a file's failure with its name; one that names no file
            // (the checker itself failed) is every file's.
            let owners: Vec<usize> = mine.iter().copied().filter(|&i| failure.starts_with(&format!("{}: ", files[i].path))).collect();
            for i in if owners.is_empty() { mine.clone() } else { owners } {
                errors[i].push(failure.clone());
            }
        }
    }
    errors.into_iter().map(|e| if e.is_empty() { Outcome::Pass } else { Outcome::Fail(e.join("; ")) }).collect()
}

/// The results of a batch run over some of `n` snippets (`ran`, in order), at their places.
fn scatter<R>(n: usize, ran: &[usize], results: Vec<R>) -> Vec<Option<R>> {
    let mut out: Vec<Option<R>> = (0..n).map(|_| None).collect();
    for (&i, r) in ran.iter().zip(results) {
        out[i] = Some(r);
    }
    out
}

/// Compiles each Java snippet in a class of its own with the harness prelude, against
/// `classpath`; returns the compile outcome per snippet and the output directory.
fn compile_java(kind: &str, files: &[&SnippetFile], classpath: &str) -> (Vec<Outcome>, std::path::PathBuf) {
    let dir = scratch(&format!("java-{kind}"));
    let out = dir.join("classes");
    let outcomes = independently(
        files.len(),
        |subset| {
            let mut cmd = Command::new(tool("javac"));
            cmd.args(["-nowarn", "-encoding", "UTF-8", "-proc:none", "-XDrawDiagnostics", "-cp", classpath, "-d"]).arg(&out);
            cmd.arg(root().join("tests/java/SdkgenBatch.java"));
            for &i in subset {
                let source = match kind {
                    "legacy" => java_legacy_wrapper(i, &files[i].code),
                    _ => java_current_wrapper(i, &files[i].code),
                };
                cmd.arg(write(&dir, &format!("Snippet{i}.java"), &source));
            }
            let (ok, stdout, stderr) = run(&mut cmd);
            (ok, format!("{stdout}{stderr}"))
        },
        "javac",
        |i| format!("Snippet{i}.java:"),
    );
    (outcomes, out)
}

/// One outcome per file of a compiler that builds several at once, each file's outcome
/// its own: a file named in a failed run's diagnostics is red, and the rest are built
/// again without it, so one bad snippet never turns another's cell red. A failed run
/// that names no file turns every remaining file red.
fn independently(
    n: usize,
    mut build: impl FnMut(&[usize]) -> (bool, String),
    compiler: &str,
    file: impl Fn(usize) -> String,
) -> Vec<Outcome> {
    let mut outcomes = vec![Outcome::Pass; n];
    let mut remaining: Vec<usize> = (0..n).collect();
    while !remaining.is_empty() {
        let (ok, output) = build(&remaining);
        if ok {
            break;
        }
        let named: Vec<usize> = remaining.iter().copied().filter(|i| output.lines().any(|l| l.contains(&file(*i)))).collect();
        if named.is_empty() {
            for &i in &remaining {
                outcomes[i] = Outcome::Fail(format!("{compiler} failed: {output}"));
            }
            break;
        }
        for &i in &named {
            let mine: Vec<&str> = output.lines().filter(|l| l.contains(&file(i))).collect();
            outcomes[i] = Outcome::Fail(format!("{compiler}: {}", mine.join("; ")));
        }
        remaining.retain(|i| !named.contains(i));
    }
    outcomes
}

/// Today's SDK: the snippet builds its client from `requestAdapter`, which the prelude
/// provides: the SDK's own Graph adapter (with Graph's middleware, which turns `me()`'s
/// `users/TokenToReplace` into `me` as every real client does), pointed at the recorder
/// and adding a bearer token.
fn java_current_wrapper(i: usize, code: &str) -> String {
    format!(
        "import com.microsoft.graph.beta.models.*;\n\
         import com.microsoft.graph.beta.serviceclient.GraphServiceClient;\n\
         import com.microsoft.kiota.authentication.AuthenticationProvider;\n\
         import com.microsoft.kiota.http.OkHttpRequestAdapter;\n\
         import com.microsoft.kiota.PeriodAndDuration;\n\
         import java.time.Duration;\n\
         import java.time.LocalDate;\n\
         import java.time.LocalTime;\n\
         import java.time.OffsetDateTime;\n\
         import java.util.Base64;\n\
         import java.util.HashMap;\n\
         import java.util.LinkedList;\n\
         import java.util.UUID;\n\
         \n\
         public class Snippet{i} {{\n\
         public static void main(String[] args) throws Exception {{\n\
         AuthenticationProvider bearer = (request, context) -> request.headers.add(\"Authorization\", \"{TOKEN}\");\n\
         OkHttpRequestAdapter requestAdapter = new com.microsoft.graph.core.requests.BaseGraphRequestAdapter(bearer);\n\
         requestAdapter.setBaseUrl(args[0]);\n\
         {code}\n\
         }}\n\
         }}\n"
    )
}

/// The request-builder SDK: the snippet builds its own client with
/// `GraphServiceClient.builder()`; the prelude's subclass of the SDK's client takes that
/// name, builds the real client with the SDK's own builder and points its service root at
/// the recorder.
fn java_legacy_wrapper(i: usize, code: &str) -> String {
    format!(
        "import com.microsoft.graph.models.*;\n\
         import com.microsoft.graph.authentication.IAuthenticationProvider;\n\
         import com.microsoft.graph.options.HeaderOption;\n\
         import com.microsoft.graph.options.Option;\n\
         import com.microsoft.graph.options.QueryOption;\n\
         import com.microsoft.graph.requests.*;\n\
         import com.google.gson.JsonPrimitive;\n\
         import com.microsoft.graph.core.DateOnly;\n\
         import com.microsoft.graph.core.TimeOfDay;\n\
         import java.time.OffsetDateTime;\n\
         import java.util.Base64;\n\
         import java.util.HashMap;\n\
         import java.util.LinkedList;\n\
         import java.util.UUID;\n\
         import javax.xml.datatype.DatatypeFactory;\n\
         \n\
         public class Snippet{i} {{\n\
         public static class GraphServiceClient extends com.microsoft.graph.requests.GraphServiceClient<okhttp3.Request> {{\n\
         public static Builder builder() {{ return new Builder(); }}\n\
         public static class Builder extends com.microsoft.graph.requests.GraphServiceClient.Builder<okhttp3.OkHttpClient, okhttp3.Request> {{\n\
         @Override public Builder authenticationProvider(IAuthenticationProvider provider) {{ super.authenticationProvider(provider); return this; }}\n\
         @Override public GraphServiceClient buildClient() {{\n\
         GraphServiceClient client = buildClient(new GraphServiceClient());\n\
         client.setServiceRoot(System.getProperty(\"recorder\"));\n\
         return client;\n\
         }}\n\
         }}\n\
         }}\n\
         public static void main(String[] args) throws Exception {{\n\
         System.setProperty(\"recorder\", args[0]);\n\
         IAuthenticationProvider authProvider = url -> java.util.concurrent.CompletableFuture.completedFuture(\"test-token\");\n\
         {code}\n\
         }}\n\
         }}\n"
    )
}

/// Runs compiled Java snippets (`Snippet<n>` for each `n` of `snippets`) in one JVM
/// (tests/java/SdkgenBatch.java), each against its own recorder answering as `answers` say.
async fn run_java_all(
    classes: &std::path::Path,
    classpath: &str,
    snippets: &[usize],
    version: &str,
    answers: &[&Answer],
) -> Vec<Result<Captured, String>> {
    let servers = recorders(answers.iter().copied()).await;
    let cp = format!("{}:{classpath}", classes.display());
    run_batch("The JVM", &servers, |subset| {
        let mut cmd = Command::new(tool("java"));
        cmd.args(["-cp", &cp, "SdkgenBatch"]);
        for &i in subset {
            cmd.arg(format!("Snippet{}", snippets[i])).arg(format!("{}/{version}", servers[i].uri()));
        }
        cmd
    })
    .await
}

/// The Go SDK's module directory in the set-up's module cache, at the version tests/go/go.mod pins.
fn go_sdk_dir() -> std::path::PathBuf {
    const MODULE: &str = "github.com/microsoftgraph/msgraph-beta-sdk-go";
    let go_mod = sdkgen_tests::read("tests/go/go.mod");
    let version = go_mod
        .lines()
        .find_map(|l| l.trim().strip_prefix(MODULE)?.split_whitespace().next().map(str::to_owned))
        .expect("tests/go/go.mod requires the Go SDK");
    root().join(".cache/go-mod").join(format!("{MODULE}@{version}"))
}

/// The SDK's root client file with only the navigation methods `used` names: every other
/// `func (m *GraphBaseServiceClient) X()` (doc comment and body) is left out, and the
/// imports nothing left refers to. The rest (the type, its constructor, which registers
/// the serializers) is the SDK's text unchanged.
fn trimmed_root_client(source: &str, used: &std::collections::BTreeSet<String>) -> String {
    const METHOD: &str = "func (m *GraphBaseServiceClient) ";
    let mut body: Vec<&str> = Vec::new();
    let mut comments: Vec<&str> = Vec::new();
    let mut lines = source.lines();
    let mut imports: Vec<&str> = Vec::new();
    while let Some(line) = lines.next() {
        if line.trim_start().starts_with("//") {
            comments.push(line);
            continue;
        }
        if line == "import (" {
            body.append(&mut comments);
            body.push(line);
            for import in lines.by_ref() {
                if import == ")" {
                    break;
                }
                imports.push(import);
            }
            body.push("\u{0}imports\u{0}");
            body.push(")");
            continue;
        }
        if let Some(name) = line.strip_prefix(METHOD).and_then(|m| m.split('(').next()) {
            if !used.contains(name) {
                comments.clear();
                for rest in lines.by_ref() {
                    if rest == "}" {
                        break;
                    }
                }
                continue;
            }
        }
        body.append(&mut comments);
        body.push(line);
    }
    body.append(&mut comments);
    let text = body.join("\n");
    let kept: Vec<&str> = imports
        .into_iter()
        .filter(|i| i.split_whitespace().next().is_some_and(|alias| alias.starts_with('"') || text.contains(&format!("{alias}."))))
        .collect();
    text.replacen("\u{0}imports\u{0}", &kept.join("\n"), 1) + "\n"
}

/// A stand-in for the Go SDK's module directory in which the root client is
/// [`trimmed_root_client`] for the navigation methods the snippets call, and every other
/// file and folder a link to the SDK's own; the harness's go.mod points the SDK's module
/// here with a `replace`. (Go refuses `-overlay` files for the module cache.) The root
/// client imports every one of Graph's ~140 top-level request-builder packages (≈240 MB
/// of Go); a snippet reaches one or two, so the build compiles those instead of all of
/// them, and the packages it does compile are the SDK's files, found in the build cache
/// by their contents. What a snippet calls is still the SDK's own code: a method it calls
/// is never left out (every `.X(` in its text keeps `X`), and one the SDK lacks is still
/// an error.
fn trimmed_sdk<'a>(dir: &std::path::Path, snippets: impl Iterator<Item = &'a str>) -> std::path::PathBuf {
    const ROOT_CLIENT: &str = "graph_base_service_client.go";
    let mut used = std::collections::BTreeSet::new();
    for code in snippets {
        for (at, _) in code.match_indices('.') {
            let name: String = code[at + 1..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            if code[at + 1 + name.len()..].starts_with('(') && name.starts_with(|c: char| c.is_ascii_uppercase()) {
                used.insert(name);
            }
        }
    }
    let sdk = go_sdk_dir();
    let source = std::fs::read_to_string(sdk.join(ROOT_CLIENT))
        .unwrap_or_else(|e| panic!("{}: {e}; run scripts/test.sh, which downloads the Go SDK", sdk.display()));
    let farm = dir.join("sdk");
    std::fs::create_dir_all(&farm).expect("scratch writable");
    for entry in std::fs::read_dir(&sdk).expect("the Go SDK's folder") {
        let entry = entry.expect("a directory entry");
        if entry.file_name() != ROOT_CLIENT {
            std::os::unix::fs::symlink(entry.path(), farm.join(entry.file_name())).expect("a link in scratch");
        }
    }
    write(&farm, ROOT_CLIENT, &trimmed_root_client(&source, &used));
    farm
}

#[test]
fn the_trimmed_root_client_keeps_exactly_the_methods_called_and_their_imports() {
    let source = std::fs::read_to_string(go_sdk_dir().join("graph_base_service_client.go")).expect("the Go SDK is set up");
    let methods = |text: &str| -> Vec<String> {
        text.lines().filter_map(|l| l.strip_prefix("func (m *GraphBaseServiceClient) ")?.split('(').next().map(str::to_owned)).collect()
    };
    let all = methods(&source);
    assert!(all.len() > 100 && all.contains(&"Communications".to_owned()) && all.contains(&"Admin".to_owned()), "{all:?}");
    let used: std::collections::BTreeSet<String> = ["Communications", "Teams", "NotAMethod"].map(str::to_owned).into();
    let trimmed = trimmed_root_client(&source, &used);
    assert_eq!(methods(&trimmed), ["Communications", "Teams"], "exactly the used methods, in the SDK's order");
    assert!(trimmed.contains("msgraph-beta-sdk-go/communications\"") && trimmed.contains("msgraph-beta-sdk-go/teams\""));
    assert!(!trimmed.contains("msgraph-beta-sdk-go/admin\""), "an import nothing uses is dropped");
    // The constructor and its serializer registrations are the SDK's text, unchanged.
    let constructor = |text: &str| -> String {
        let at = text.find("func NewGraphBaseServiceClient(").expect("the constructor");
        text[at..].split("\n}\n").next().unwrap().to_owned()
    };
    assert_eq!(constructor(&trimmed), constructor(&source));
    assert!(trimmed.contains("kiota-serialization-json-go\"") && trimmed.contains("kiota-serialization-multipart-go\""));
    // Every line kept is the SDK's own.
    let lines: std::collections::BTreeSet<&str> = source.lines().collect();
    assert!(trimmed.lines().all(|l| lines.contains(l)), "no line is invented");
}

/// Builds one Go program holding every current-style Go snippet (each its own file: the
/// snippet's import block, then its other lines inside a func) beside tests/go/prelude.go.
/// A snippet that does not compile is left out and the rest built again (see
/// [`independently`]); the program holds the snippets that compiled.
fn build_go(files: &[&SnippetFile]) -> (Vec<Outcome>, Option<std::path::PathBuf>) {
    // One Go build at a time: should the cache ever be cold, two concurrent compiles of
    // the SDK's models package would need twice its ~10 GB.
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _guard = ONE_AT_A_TIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let dir = scratch("go-harness");
    let cache = root().join(".cache");
    let exe = dir.join("harness");
    let sdk = trimmed_sdk(&dir, files.iter().map(|f| f.code.as_str()));
    let program = dir.join("program");
    std::fs::create_dir_all(&program).expect("scratch writable");
    let mut built = false;
    let outcomes = independently(
        files.len(),
        |subset| {
            for f in ["go.sum", "prelude.go"] {
                std::fs::copy(root().join("tests/go").join(f), program.join(f)).expect("tests/go copied");
            }
            let go_mod = sdkgen_tests::read("tests/go/go.mod");
            write(&program, "go.mod", &format!("{go_mod}\nreplace github.com/microsoftgraph/msgraph-beta-sdk-go => {}\n", sdk.display()));
            for i in 0..files.len() {
                let _ = std::fs::remove_file(program.join(format!("snippet{i}.go")));
            }
            for &i in subset {
                let f = files[i];
                let (imports, body) = split_go_imports(&f.code);
                let source = format!(
                    "package main\n\n{imports}\n// {}\nfunc init() {{ snippets[\"{i}\"] = snippet{i} }}\n\nfunc snippet{i}(graphClient *msgraphsdk.GraphServiceClient) {{\n{body}}}\n",
                    f.path
                );
                write(&program, &format!("snippet{i}.go"), &source);
            }
            // The compiler flags are the set-up's (`scripts/setup-test-deps.sh`), so its
            // warm build cache is hit; no symbol tables, which took two thirds of the link.
            let (ok, out, err) = run(Command::new(tool("go"))
                .args(["build", GO_GCFLAGS, "-ldflags=-s -w", "-o"])
                .arg(&exe)
                .arg(".")
                .current_dir(&program)
                .env("GOCACHE", cache.join("go-build"))
                .env("GOMODCACHE", cache.join("go-mod"))
                .env("GOFLAGS", "-mod=readonly -trimpath")
                .env("GOTOOLCHAIN", "local"));
            built = ok;
            (ok, format!("{out}{err}"))
        },
        "go build",
        |i| format!("snippet{i}.go:"),
    );
    (outcomes, built.then_some(exe))
}

/// Runs the built Go program once for the snippets at `snippets` (places in the list
/// [`build_go`] built), each against its own recorder answering as `answers` say.
async fn run_go_all(exe: &std::path::Path, snippets: &[usize], version: &str, answers: &[&Answer]) -> Vec<Result<Captured, String>> {
    let servers = recorders(answers.iter().copied()).await;
    run_batch("The Go program", &servers, |subset| {
        let mut cmd = Command::new(exe);
        for &i in subset {
            cmd.arg(snippets[i].to_string()).arg(format!("{}/{version}", servers[i].uri()));
        }
        cmd
    })
    .await
}

/// `v` with every `null` member removed, at any depth.
fn without_nulls(v: serde_json::Value) -> serde_json::Value {
    match v {
        serde_json::Value::Object(m) => {
            serde_json::Value::Object(m.into_iter().filter(|(_, x)| !x.is_null()).map(|(k, x)| (k, without_nulls(x))).collect())
        }
        serde_json::Value::Array(a) => serde_json::Value::Array(a.into_iter().map(without_nulls).collect()),
        other => other,
    }
}

/// The example's JSON body as the client's typed request.
fn typed<T: sdkgen_runtime::serde::de::DeserializeOwned>(body: serde_json::Value) -> Result<T, String> {
    serde_json::from_value(body).map_err(|e| format!("the example's body does not fit the client's type: {e}"))
}

/// What a client call returned, as JSON (`None` for no body).
fn returned<T: sdkgen_runtime::serde::Serialize>(r: Result<T, graph_beta::Error>) -> Result<Option<serde_json::Value>, String> {
    let value = serde_json::to_value(r.map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    Ok((!value.is_null()).then_some(value))
}

/// Calls the generated client's method for the example's operation, against a recorder
/// answering as the example documents; a result must equal the documented body.
async fn run_rust(action: &Action, example: &Example, answer: &Answer) -> Result<Captured, String> {
    let server = recorder(answer).await;
    let client = graph_beta::GraphClient::new(
        graph_beta::GraphClient::builder()
            .base_url(format!("{}/beta", server.uri()))
            .token("test-token")
            .build()
            .map_err(|e| e.to_string())?,
    );
    let id = |name: &str| example.path_value(name).unwrap_or_default().to_owned();
    let body = || example.request.body.clone().unwrap_or_default();
    let result = match action.id().as_str() {
        "call-reject" => returned(client.call_reject(&id("id"), &typed(body())?).await)?,
        "call-create" => returned(client.call_create(&typed(body())?).await)?,
        "call-keepAlive" => returned(client.call_keep_alive(&id("id")).await)?,
        "call-delete" => returned(client.call_delete(&id("id")).await)?,
        "call-unmute" => returned(client.call_unmute(&id("id"), &typed(body())?).await)?,
        "call-cancelMediaProcessing" => returned(client.call_cancel_media_processing(&id("id"), &typed(body())?).await)?,
        "call-playPrompt" => returned(client.call_play_prompt(&id("id"), &typed(body())?).await)?,
        "call-recordResponse" => returned(client.call_record_response(&id("id"), &typed(body())?).await)?,
        "call-mute" => returned(client.call_mute(&id("id"), &typed(body())?).await)?,
        "call-subscribeToTone" => returned(client.call_subscribe_to_tone(&id("id"), &typed(body())?).await)?,
        "participant-startHoldMusic" => {
            returned(client.participant_start_hold_music(&id("callId"), &id("participantId"), &typed(body())?).await)?
        }
        "participant-stopHoldMusic" => {
            returned(client.participant_stop_hold_music(&id("callId"), &id("participantId"), &typed(body())?).await)?
        }
        "call-changeScreenSharingRole" => returned(client.call_change_screen_sharing_role(&id("id"), &typed(body())?).await)?,
        "call-updateRecordingStatus" => returned(client.call_update_recording_status(&id("id"), &typed(body())?).await)?,
        "call-sendDtmfTones" => returned(client.call_send_dtmf_tones(&id("id"), &typed(body())?).await)?,
        "call-addLargeGalleryView" => returned(client.call_add_large_gallery_view(&id("id"), &typed(body())?).await)?,
        "call-logTeleconferenceDeviceQuality" => returned(client.call_log_teleconference_device_quality(&typed(body())?).await)?,
        "call-redirect" => returned(client.call_redirect(&id("id"), &typed(body())?).await)?,
        "call-transfer" => returned(client.call_transfer(&id("id"), &typed(body())?).await)?,
        "participant-delete" => returned(client.participant_delete(&id("callId"), &id("participantId")).await)?,
        "call-get" => returned(client.call_get(&id("id")).await)?,
        "call-answer" => returned(client.call_answer(&id("id"), &typed(body())?).await)?,
        "participant-get" => returned(client.participant_get(&id("callId"), &id("participantId")).await)?,
        "participant-list" => returned(client.participant_list(&id("callId")).await)?,
        "participant-invite" => returned(client.participant_invite(&id("id"), &typed(body())?).await)?,
        "participant-mute" => returned(client.participant_mute(&id("callId"), &id("participantId"), &typed(body())?).await)?,
        other => return Err(format!("no Rust cell for operation `{other}`: add its call here")),
    };
    // The client reads an explicit `null` as an unset member (`None`), which it does not
    // write back: equal but for the nulls is equal.
    if result.clone().map(without_nulls) != answer.body.clone().map(without_nulls) {
        return Err(format!("the client returned {result:?}, the example documents {:?}", answer.body));
    }
    only_request(&server).await
}

fn title(language: &str) -> &'static str {
    Language::from_id(language).map(Language::title).unwrap_or("?")
}

fn matrix_markdown(rows: &[Row]) -> String {
    let mut out = String::from(
        "| language | style | example | SDK | parsed | compiled against the SDK | request equal |\n| --- | --- | --- | --- | --- | --- | --- |\n",
    );
    for r in rows {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            r.language,
            r.style,
            r.example,
            r.sdk,
            r.parsed.cell(),
            r.compiled.cell(),
            r.request.cell()
        ));
    }
    out
}

const BEGIN: &str = "<!-- sdk-matrix:begin (written by tests/sdk_matrix.rs) -->\n";
const END: &str = "<!-- sdk-matrix:end -->";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_runnable_snippet_sends_the_http_examples_request_with_its_real_sdk() {
    let model = sdkgen_tests::shipped_model();
    let version = model.api.version.clone();
    let snippets = shipped_snippets();
    let get = |language: &str, style: &str, example: &str| -> &SnippetFile {
        snippets
            .iter()
            .find(|f| f.language == language && f.style == style && f.example == example)
            .unwrap_or_else(|| panic!("no {style} {language} snippet for {example}"))
    };
    // Every example of every operation, in spec order.
    let examples: Vec<(&Action, &Example)> = model.actions.iter().flat_map(|a| a.examples.iter().map(move |e| (a, e))).collect();
    assert!(examples.len() > 1 && model.actions.len() > 1, "the matrix covers the whole spec");
    let expected: BTreeMap<String, Wire> = examples
        .iter()
        .map(|(_, e)| {
            // A placeholder id (`{id}`) is printed as docs print it; an SDK sends it
            // percent-encoded, which addresses the same segment (paths compare as the
            // server reads them, `recorder::normalized_path`).
            let page = from_http_snippet(&get("http", "page", &e.name).code);
            let current = from_http_snippet(&get("http", "current", &e.name).code);
            assert_eq!(page, current, "both styles' HTTP examples agree");
            (e.name.clone(), page)
        })
        .collect();

    // Compile once per SDK, run once per SDK (each snippet against its own recorder).
    let n = examples.len();
    let answers: Vec<Answer> = examples.iter().map(|(_, e)| Answer::of(e)).collect();
    let java_current: Vec<&SnippetFile> = examples.iter().map(|(_, e)| get("java", "current", &e.name)).collect();
    let java_legacy: Vec<&SnippetFile> = examples.iter().map(|(_, e)| get("java", "page", &e.name)).collect();
    let current_cp = sdkgen_tests::recorder::java_classpath("current");
    let legacy_cp = sdkgen_tests::recorder::java_classpath("legacy");
    let (java_current_built, java_current_classes) = compile_java("current", &java_current, &current_cp);
    let (java_legacy_built, java_legacy_classes) = compile_java("legacy", &java_legacy, &legacy_cp);
    let go_files: Vec<&SnippetFile> = examples.iter().map(|(_, e)| get("go", "current", &e.name)).collect();
    let (go_built, go_exe) = build_go(&go_files);

    let jobs = |language: &str, style: &str, which: &[usize]| -> Vec<Job> {
        which.iter().map(|&i| Job { code: &get(language, style, &examples[i].1.name).code, answer: &answers[i] }).collect()
    };
    let every: Vec<usize> = (0..n).collect();
    let mut js_runs = BTreeMap::new();
    for style in Style::ALL {
        js_runs.insert(style.id(), scatter(n, &every, run_javascript_all(&jobs("javascript", style.id(), &every)).await));
    }
    let python_runs = scatter(n, &every, run_python_all(&jobs("python", "current", &every), &version).await);
    let passed = |built: &[Outcome], also: &dyn Fn(usize) -> bool| -> Vec<usize> {
        (0..n).filter(|&i| built[i] == Outcome::Pass && also(i)).collect()
    };
    let lacks = |i: usize| LEGACY_V1_LACKS.iter().any(|(e, _, _)| *e == examples[i].1.name);
    let ran = passed(&java_current_built, &|_| true);
    let answers_of = |which: &[usize]| -> Vec<&Answer> { which.iter().map(|&i| &answers[i]).collect() };
    let java_current_runs = scatter(n, &ran, run_java_all(&java_current_classes, &current_cp, &ran, &version, &answers_of(&ran)).await);
    let ran = passed(&java_legacy_built, &|i| !lacks(i));
    let java_legacy_runs = scatter(n, &ran, run_java_all(&java_legacy_classes, &legacy_cp, &ran, &version, &answers_of(&ran)).await);
    let ran = if go_exe.is_some() { passed(&go_built, &|_| true) } else { Vec::new() };
    let go_runs = match &go_exe {
        Some(exe) => scatter(n, &ran, run_go_all(exe, &ran, &version, &answers_of(&ran)).await),
        None => scatter(n, &[], Vec::new()),
    };
    let cells: Vec<(Style, Language)> = Style::ALL
        .into_iter()
        .flat_map(|style| Language::ALL.iter().filter(move |l| **l != Language::Http && l.has_style(style)).map(move |l| (style, *l)))
        .collect();
    let all_files: Vec<&SnippetFile> =
        examples.iter().flat_map(|(_, e)| cells.iter().map(|(style, language)| get(language.id(), style.id(), &e.name))).collect();
    let mut parsed_cells = parsed_all(&all_files).into_iter();

    let mut rows = Vec::new();
    for (i, (action, example)) in examples.iter().enumerate() {
        let want = &expected[&example.name];
        let answer = &answers[i];
        let defaults = documented_defaults(action);
        let ran = |runs: &[Option<Result<Captured, String>>]| runs[i].clone().expect("run in its batch");
        for &(style, language) in &cells {
            let f = get(language.id(), style.id(), &example.name);
            let mut row = Row {
                language: title(&f.language).to_owned(),
                style: style.id().to_owned(),
                example: example.name.clone(),
                sdk: "—".into(),
                parsed: parsed_cells.next().expect("one parse outcome per cell"),
                compiled: Outcome::No("—"),
                request: Outcome::No("parsed only"),
            };
            match (language, style) {
                (Language::JavaScript, _) => {
                    row.sdk = JS_SDK.into();
                    row.compiled = Outcome::No("— (interpreted)");
                    // The JS client sends Authorization only to https Graph hosts.
                    row.request = compare(ran(&js_runs[style.id()]), want, false, &defaults);
                }
                (Language::Python, Style::Current) => {
                    row.sdk = PY_SDK.into();
                    row.compiled = Outcome::No("— (interpreted)");
                    row.request = compare(ran(&python_runs), want, true, &defaults);
                }
                (Language::Java, Style::Current) => {
                    row.sdk = JAVA_CURRENT_SDK.into();
                    row.compiled = java_current_built[i].clone();
                    if row.compiled == Outcome::Pass {
                        row.request = compare(ran(&java_current_runs), want, true, &defaults);
                    } else {
                        row.request = Outcome::Fail("did not compile".into());
                    }
                }
                (Language::Java, Style::Page) => {
                    row.sdk = JAVA_LEGACY_SDK.into();
                    row.compiled = java_legacy_built[i].clone();
                    if let Some((_, method, why)) = LEGACY_V1_LACKS.iter().find(|(e, _, _)| *e == example.name) {
                        match &row.compiled {
                            Outcome::Fail(e) if e.contains(method) => {
                                row.compiled = Outcome::No(why);
                                row.request = Outcome::No(why);
                            }
                            other => panic!("{}: expected to fail on `{method}` (LEGACY_V1_LACKS), got {other:?}", example.name),
                        }
                    } else if row.compiled == Outcome::Pass {
                        row.request = compare_in(
                            ran(&java_legacy_runs),
                            want,
                            true,
                            (action.kind == sdkgen::model::OperationKind::Action).then_some(model.api.namespace.as_str()),
                            &defaults,
                        );
                    } else {
                        row.request = Outcome::Fail("did not compile".into());
                    }
                }
                (Language::Go, Style::Current) => {
                    row.sdk = GO_SDK.into();
                    row.compiled = go_built[i].clone();
                    row.request = match (&go_exe, &row.compiled) {
                        (Some(_), Outcome::Pass) => {
                            let outcome = compare(ran(&go_runs), want, true, &defaults);
                            match GO_SDK_GARBLES.iter().find(|(e, _, _)| *e == example.name) {
                                Some((_, shows, why)) => match &outcome {
                                    Outcome::Fail(e) if e.contains(shows) => Outcome::No(why),
                                    other => {
                                        panic!("{}: expected the Go SDK to send {shows} (GO_SDK_GARBLES), got {other:?}", example.name)
                                    }
                                },
                                None => outcome,
                            }
                        }
                        _ => Outcome::Fail("did not compile".into()),
                    };
                }
                (Language::Go, Style::Page) => {
                    row.sdk =
                        "the page's preview Go SDK (`CallsById`; the oldest version served here, v0.98.0, already has `ByCallId`)".into()
                }
                (Language::CSharp, Style::Page) => row.sdk = "NuGet Microsoft.Graph.Beta 4.x (NuGet not reachable)".into(),
                (Language::CSharp, Style::Current) => row.sdk = "NuGet Microsoft.Graph.Beta 5.x (NuGet not reachable)".into(),
                (Language::PowerShell, Style::Page) => row.sdk = "Microsoft.Graph.CloudCommunications (no PowerShell engine)".into(),
                (Language::PowerShell, Style::Current) => {
                    row.sdk = "Microsoft.Graph.Beta.CloudCommunications (no PowerShell engine)".into()
                }
                (Language::ObjC, _) => row.sdk = "msgraph-sdk-objc (no Objective-C toolchain)".into(),
                (Language::Php, _) => row.sdk = "Packagist microsoft/microsoft-graph-beta (Packagist not reachable)".into(),
                // tests/snippets.rs checks, through bash, that its arguments name the request.
                (Language::Cli, _) => row.sdk = "mgc-beta, Microsoft Graph CLI (no package here)".into(),
                _ => {}
            }
            rows.push(row);
        }
        rows.push(Row {
            language: "Rust".into(),
            style: "—".into(),
            example: example.name.clone(),
            sdk: "graph-beta (generated here) + sdkgen-runtime".into(),
            parsed: Outcome::Pass,
            compiled: Outcome::Pass,
            request: compare(run_rust(action, example, answer).await, want, true, &[]),
        });
    }

    let matrix = matrix_markdown(&rows);
    let artifacts = scratch("sdk-matrix");
    write(&artifacts, "matrix.md", &matrix);
    let failures: Vec<String> = rows
        .iter()
        .flat_map(|r| {
            [("parsed", &r.parsed), ("compiled", &r.compiled), ("request", &r.request)].into_iter().filter_map(move |(what, o)| match o {
                Outcome::Fail(e) => Some(format!("{} {} {} — {what}: {e}", r.language, r.style, r.example)),
                _ => None,
            })
        })
        .collect();
    assert!(failures.is_empty(), "red cells:\n{}\n\n{matrix}", failures.join("\n\n"));

    // The README carries the matrix; it must be the one this run produced.
    let readme_path = root().join("README.md");
    let readme = std::fs::read_to_string(&readme_path).unwrap();
    let (start, end) = (readme.find(BEGIN).expect("README has the matrix markers"), readme.find(END).expect("README has the end marker"));
    let current = &readme[start + BEGIN.len()..end];
    if current != matrix {
        if std::env::var_os("SDKGEN_UPDATE_MATRIX").is_some() {
            let updated = format!("{}{BEGIN}{matrix}{}", &readme[..start], &readme[end..]);
            std::fs::write(&readme_path, updated).unwrap();
        } else {
            panic!("the README's SDK matrix is stale; rerun with SDKGEN_UPDATE_MATRIX=1. This run's matrix:\n{matrix}");
        }
    }
}

/// The golden cases run with every real SDK that runs here, all in one build and one
/// process per SDK: (case, whether every example of it configures its request).
///
/// The request-configuration goldens (`request-headers`, `query-options`, `me-singleton`,
/// `count`, on Graph's own paths): every request configuration puts the example's headers
/// (`Prefer` with quotes in its value on a get, `If-Match` and `ConsistencyLevel` beside a
/// body on an update) and query options (every OData option, a nested `$expand`, a
/// `$filter` holding `&`) on the wire, and adds no other watched header or option.
///
/// The function goldens (`function-call`, Graph's `reminderView` and `delta`): each SDK's
/// function builder puts the example's arguments in the path under the metadata's names
/// (a page's `startDateTime` is sent as `StartDateTime`), in the function's order whatever
/// order its method takes them in, a quote inside text doubled as OData requires, and a
/// function without arguments as `delta()`.
const WIRE_CASES: &[(&str, bool)] = &[
    ("request-headers", true),
    ("query-options", true),
    ("me-singleton", true),
    ("count", true),
    ("function-call", false),
    ("deep-navigation", true),
    ("references", false),
    ("own-query-parameters", true),
    ("dates-and-bytes", false),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn golden_cases_reach_the_wire_with_each_real_sdk() {
    struct Case {
        case: &'static str,
        configured: bool,
        example: Example,
        /// The operation's entity type (`event`).
        entity: String,
    }
    let mut version = None;
    let mut cases = Vec::new();
    for &(case, configured) in WIRE_CASES {
        let model = sdkgen::load_model(&root().join(format!("tests/cases/{case}.yaml"))).unwrap_or_else(|e| panic!("{e}"));
        assert!(version.get_or_insert_with(|| model.api.version.clone()) == &model.api.version, "{case}: one API version for every case");
        for (e, entity) in model.actions.into_iter().flat_map(|a| a.examples.into_iter().map(move |e| (e, a.bound_to.clone()))) {
            assert!(
                !configured || !e.request.headers.is_empty() || !e.request.query.is_empty(),
                "{case}: every example configures its request"
            );
            cases.push(Case { case, configured, example: e, entity });
        }
    }
    let version = version.expect("at least one case");
    let files: Vec<SnippetFile> = sdkgen_tests::snippet_files().into_iter().filter(|f| f.path.starts_with("tests/cases/")).collect();
    let get = |language: &str, style: &str, c: &Case| -> &SnippetFile {
        let dir = format!("tests/cases/{}/", c.case);
        files
            .iter()
            .find(|f| f.path.starts_with(&dir) && f.language == language && f.style == style && f.example == c.example.name)
            .unwrap_or_else(|| panic!("no {style} {language} golden for {}", c.example.name))
    };
    let n = cases.len();
    let answers: Vec<Answer> = cases.iter().map(|c| Answer::of(&c.example)).collect();
    let answers_of = |which: &[usize]| -> Vec<&Answer> { which.iter().map(|&i| &answers[i]).collect() };
    let jobs = |language: &str| -> Vec<Job> {
        cases.iter().zip(&answers).map(|(c, answer)| Job { code: &get(language, "current", c).code, answer }).collect()
    };
    let java_current: Vec<&SnippetFile> = cases.iter().map(|c| get("java", "current", c)).collect();
    let java_legacy: Vec<&SnippetFile> = cases.iter().map(|c| get("java", "page", c)).collect();
    let current_cp = sdkgen_tests::recorder::java_classpath("current");
    let legacy_cp = sdkgen_tests::recorder::java_classpath("legacy");
    let (current_built, current_classes) = compile_java("current", &java_current, &current_cp);
    let (legacy_built, legacy_classes) = compile_java("legacy", &java_legacy, &legacy_cp);
    let go_files: Vec<&SnippetFile> = cases.iter().map(|c| get("go", "current", c)).collect();
    let (go_built, go_exe) = build_go(&go_files);
    let built = |outcomes: &[Outcome]| -> Vec<usize> { (0..n).filter(|&i| outcomes[i] == Outcome::Pass).collect() };

    // What each SDK sent (`sends_auth`: whether it sends the token itself), or why it could
    // not run.
    let mut sdks: Vec<(&str, bool, Vec<Ran>)> = vec![
        ("JavaScript", false, run_javascript_all(&jobs("javascript")).await.into_iter().map(Ok).collect()),
        ("Python", true, run_python_all(&jobs("python"), &version).await.into_iter().map(Ok).collect()),
    ];
    for (name, outcomes, classes, cp) in
        [("Java 6.x", &current_built, &current_classes, &current_cp), ("Java 5.x", &legacy_built, &legacy_classes, &legacy_cp)]
    {
        let ran = built(outcomes);
        let mut results = scatter(n, &ran, run_java_all(classes, cp, &ran, &version, &answers_of(&ran)).await);
        sdks.push((name, true, (0..n).map(|i| results[i].take().map(Ok).unwrap_or_else(|| Err(outcomes[i].clone()))).collect()));
    }
    let ran = if go_exe.is_some() { built(&go_built) } else { Vec::new() };
    let mut results = match &go_exe {
        Some(exe) => scatter(n, &ran, run_go_all(exe, &ran, &version, &answers_of(&ran)).await),
        None => scatter(n, &[], Vec::new()),
    };
    sdks.push(("Go", true, (0..n).map(|i| results[i].take().map(Ok).unwrap_or_else(|| Err(go_built[i].clone()))).collect()));

    let (mut failures, mut alike, mut python_defects) = (Vec::new(), Vec::new(), Vec::new());
    for (i, c) in cases.iter().enumerate() {
        let e = &c.example;
        let want = from_http_snippet(&get("http", "current", c).code);
        assert_eq!(want.headers.len(), e.request.headers.len(), "{}: the HTTP golden prints every header", e.name);
        let request_line = get("http", "current", c).code.lines().find(|l| !l.starts_with('#')).unwrap_or_default().to_owned();
        let options = request_line.split_once('?').map_or(0, |(_, q)| q.split('&').count());
        assert_eq!(options, e.request.query.len(), "{}: the HTTP golden prints every query option", e.name);
        for (sdk, sends_auth, runs) in &mut sdks {
            let ran = std::mem::replace(&mut runs[i], Err(Outcome::No("taken")));
            let case = c.case;
            match ran {
                Err(outcome) => failures.push(format!("{sdk} {case} {}: {outcome:?}", e.name)),
                Ok(got) if c.configured => {
                    let outcome = compare(got, &want, *sends_auth, &[]);
                    if outcome != Outcome::Pass {
                        failures.push(format!("{sdk} {case} {}: {outcome:?}", e.name));
                    }
                }
                Ok(got) => match compare_call(got, &want, *sends_auth, *sdk == "Python", &c.entity) {
                    Call::Exact => {}
                    Call::Alike(note) => alike.push(format!("{sdk} {}: {note}", e.name)),
                    Call::PythonDropsCommas => python_defects.push(e.name.clone()),
                    Call::Wrong(outcome) => failures.push(format!("{sdk} {case} {}: {outcome:?}", e.name)),
                },
            }
        }
    }
    // The Python SDK's defect is held exactly: every call of a function with more than one
    // argument shows it, so the day a release fixes it this fails and the note goes.
    let several: Vec<String> =
        cases.iter().filter(|c| !c.configured && c.example.request.arguments.len() > 1).map(|c| c.example.name.clone()).collect();
    assert!(!several.is_empty(), "a function call with several arguments is among the cases");
    assert_eq!(python_defects, several, "the Python SDK drops the commas of exactly the calls with several arguments");
    // Only the legacy Java SDK writes its own function segments (`microsoft.graph.delta`,
    // camel-case names); every Kiota SDK sends the documented bytes, but for the entity's own
    // type its models name.
    assert!(
        alike.iter().all(|a| a.starts_with("Java 5.x ") || a.contains(OWN_TYPE) || a.contains(TIMES)),
        "only Java 5.x sends calls alike but not equal:\n{}",
        alike.join("\n")
    );
    if !alike.is_empty() {
        eprintln!("sent differently, read alike by Graph:\n  {}", alike.join("\n  "));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_reference_reads_alike_only_when_its_url_differs_by_origin_alone() {
    let wire = |method: &str, id: &str| Wire {
        method: method.into(),
        path: "/beta/groups/g1/members/$ref".into(),
        query: None,
        headers: Vec::new(),
        body: Some(serde_json::json!({ "@odata.id": id })),
    };
    let want = wire("POST", "https://graph.microsoft.com/beta/directoryObjects/u1");
    assert!(reference_from_service_root(&wire("POST", "http://127.0.0.1:4000/beta/directoryObjects/u1"), &want));
    for differs in [
        wire("POST", "http://127.0.0.1:4000/beta/users/u1"),
        wire("POST", "http://127.0.0.1:4000/v1.0/directoryObjects/u1"),
        wire("PUT", "http://127.0.0.1:4000/beta/directoryObjects/u1"),
        wire("POST", "https://graph.microsoft.com/beta/directoryObjects/u1"),
    ] {
        assert!(!reference_from_service_root(&differs, &want), "{differs:?}");
    }
}

#[test]
fn times_of_day_read_alike_only_when_they_are_the_same_time() {
    let wire = |body: serde_json::Value| Wire {
        method: "PATCH".into(),
        path: "/beta/me/mailboxSettings".into(),
        query: None,
        headers: Vec::new(),
        body: Some(body),
    };
    let want = wire(serde_json::json!({"workingHours": {"startTime": "08:00:00.0000000", "endTime": "17:30:00.5000000"}}));
    for same in [("08:00", "17:30:00.5"), ("08:00:00", "17:30:00.50")] {
        assert!(times_alike(&wire(serde_json::json!({"workingHours": {"startTime": same.0, "endTime": same.1}})), &want), "{same:?}");
    }
    for differs in [("08:01", "17:30:00.5"), ("08:00", "17:30"), ("8:00", "17:30:00.5"), ("08:00:00.0000000", "17:30:00.5000000x")] {
        assert!(
            !times_alike(&wire(serde_json::json!({"workingHours": {"startTime": differs.0, "endTime": differs.1}})), &want),
            "{differs:?}"
        );
    }
    assert!(!times_alike(&want, &want), "an equal body is exact, not alike");
    assert!(!times_alike(&wire(serde_json::json!({"workingHours": {"startTime": "08:00"}})), &want), "a member left out");
}

#[test]
fn function_calls_read_alike_only_where_graph_reads_them_alike() {
    let wire = |path: &str| Wire { method: "GET".into(), path: path.into(), query: None, headers: Vec::new(), body: None };
    let want = wire("/beta/me/reminderView(StartDateTime='a',EndDateTime='b')");
    let alike = |sent: &str| function_call_alike(&wire(sent), &want);
    assert!(alike("/beta/me/microsoft.graph.reminderView(startDateTime='a',endDateTime='b')")
        .is_some_and(|n| n.contains("namespace") && n.contains("letter case")));
    for differs in [
        "/beta/me/reminderView(StartDateTime='a',EndDateTime='c')",
        "/beta/me/reminderView(EndDateTime='b',StartDateTime='a')",
        "/beta/me/reminderView(StartDateTime='a')",
        "/beta/me/reminderView(StartDateTime='a'EndDateTime='b')",
        "/beta/users/reminderView(StartDateTime='a',EndDateTime='b')",
        "/beta/me/other.reminderView(StartDateTime='a',EndDateTime='b')",
    ] {
        assert_eq!(alike(differs), None, "{differs}");
    }
    assert_eq!(alike("/beta/me/reminderView(StartDateTime='a',EndDateTime='b')"), None, "equal is not alike");
    assert!(function_call_alike(&wire("/beta/users/delta"), &wire("/beta/users/delta()")).is_some());
    assert!(python_drops_argument_commas(&wire("/beta/me/reminderView(StartDateTime='a'EndDateTime='b')"), &want));
    assert!(!python_drops_argument_commas(&want, &want));
}

/// Breaking a snippet the way a bad template would (a class or member the SDK does not
/// have) turns its cell red in every language whose SDK runs here.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_name_in_a_snippet_turns_its_cell_red() {
    let model = sdkgen_tests::shipped_model();
    let version = model.api.version.clone();
    let reject = model.actions.iter().find(|a| a.id() == "call-reject").expect("the spec has call: reject");
    let example = &reject.examples[0];
    let answer = Answer::of(example);
    let want = from_http_snippet(&shipped_snippets().into_iter().find(|f| f.language == "http" && f.example == example.name).unwrap().code);
    let snippet = |language: &str, style: &str| -> SnippetFile {
        shipped_snippets().into_iter().find(|f| f.language == language && f.style == style && f.example == example.name).unwrap()
    };
    let broken = |language: &str, style: &str, from: &str, to: &str| -> SnippetFile {
        let mut f = snippet(language, style);
        assert!(f.code.contains(from), "{language} {style} has no {from:?}");
        f.code = f.code.replace(from, to);
        f
    };

    let js = broken("javascript", "current", ".post(reject)", ".post(rejection)");
    assert!(matches!(compare(run_javascript(&js.code, &answer).await, &want, false, &[]), Outcome::Fail(_)), "JavaScript");
    let js = broken("javascript", "current", "reason: 'busy'", "reason: 'bussy'");
    assert!(
        matches!(compare(run_javascript(&js.code, &answer).await, &want, false, &[]), Outcome::Fail(_)),
        "JavaScript: a different body is red"
    );

    let py = broken("python", "current", "RejectReason.Busy", "RejectReason.Bussy");
    assert!(matches!(compare(run_python(&py.code, &version, &answer).await, &want, true, &[]), Outcome::Fail(_)), "Python");

    let java = broken("java", "current", "reject.RejectPostRequestBody", "reject.RejectRequestBody");
    let (built, _) = compile_java("current", &[&java], &sdkgen_tests::recorder::java_classpath("current"));
    assert!(matches!(&built[0], Outcome::Fail(e) if e.contains("RejectRequestBody")), "Java current: {:?}", built[0]);
    let legacy = broken("java", "page", "CallRejectParameterSet", "CallRejectParameters");
    let (built, _) = compile_java("legacy", &[&legacy], &sdkgen_tests::recorder::java_classpath("legacy"));
    assert!(matches!(&built[0], Outcome::Fail(e) if e.contains("CallRejectParameters")), "Java page: {:?}", built[0]);

    let go = broken("go", "current", "NewCallsItemRejectPostRequestBody", "NewRejectPostRequestBody");
    let (built, exe) = build_go(&[&go]);
    assert!(matches!(&built[0], Outcome::Fail(e) if e.contains("NewRejectPostRequestBody")) && exe.is_none(), "Go: {:?}", built[0]);
}

/// One process runs a whole batch of snippets, but each snippet's outcome stays its own:
/// one that throws (or panics) is red and one that ends the process (`process.exit`,
/// `os._exit`, `System.exit`, `os.Exit`) is red, while the snippets before and after
/// each still send their request and are green, in every SDK's batch runner.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_snippets_failure_in_a_batch_is_its_own() {
    let model = sdkgen_tests::shipped_model();
    let version = model.api.version.clone();
    let example = &model.actions.iter().find(|a| a.id() == "call-reject").expect("the spec has call: reject").examples[0];
    let answer = Answer::of(example);
    let want = from_http_snippet(&shipped_snippets().into_iter().find(|f| f.language == "http" && f.example == example.name).unwrap().code);
    let snippet = |language: &str| -> SnippetFile {
        shipped_snippets().into_iter().find(|f| f.language == language && f.style == "current" && f.example == example.name).unwrap()
    };
    // good, throws, good, ends the process, good.
    let check = |sdk: &str, got: Vec<Result<Captured, String>>, sends_auth: bool| {
        assert_eq!(got.len(), 5, "{sdk}: one result per snippet");
        for i in [0, 2, 4] {
            assert_eq!(compare(got[i].clone(), &want, sends_auth, &[]), Outcome::Pass, "{sdk}: snippet {i} is green");
        }
        // Reported by the runner, which went on: not a death of the process.
        assert!(
            got[1].as_ref().is_err_and(|e| e.contains("boom") && !e.contains("ended inside")),
            "{sdk}: the throwing snippet is red with its own error: {:?}",
            got[1]
        );
        assert!(
            got[3].as_ref().is_err_and(|e| e.contains("ended inside this snippet")),
            "{sdk}: the snippet that ends the process is red: {:?}",
            got[3]
        );
    };
    let variants = |good: &str, throws: String, exits: String| -> Vec<String> {
        vec![good.to_owned(), throws, good.to_owned(), exits, good.to_owned()]
    };

    let js = snippet("javascript").code;
    let js = variants(&js, format!("throw new Error('boom');\n{js}"), format!("process.exit(3);\n{js}"));
    check("JavaScript", run_javascript_all(&js.iter().map(|code| Job { code, answer: &answer }).collect::<Vec<_>>()).await, false);

    let py = snippet("python").code;
    let py = variants(&py, format!("raise RuntimeError('boom')\n{py}"), format!("import os\nos._exit(3)\n{py}"));
    check("Python", run_python_all(&py.iter().map(|code| Job { code, answer: &answer }).collect::<Vec<_>>(), &version).await, true);

    let java = snippet("java");
    let java = variants(
        &java.code,
        format!("if (true) throw new RuntimeException(\"boom\");\n{}", java.code),
        format!("if (true) System.exit(3);\n{}", java.code),
    );
    let files: Vec<SnippetFile> = java.iter().map(|code| SnippetFile { code: code.clone(), ..snippet("java") }).collect();
    let cp = sdkgen_tests::recorder::java_classpath("current");
    let (built, classes) = compile_java("current", &files.iter().collect::<Vec<_>>(), &cp);
    assert!(built.iter().all(|b| *b == Outcome::Pass), "Java: every variant compiles: {built:?}");
    check("Java", run_java_all(&classes, &cp, &[0, 1, 2, 3, 4], &version, &[&answer; 5]).await, true);

    let go = snippet("go").code;
    assert!(go.contains("import (\n") && !go.contains("\"os\""), "the Go snippet has an import block without os");
    let go = variants(&go, format!("{go}\npanic(\"boom\")\n"), go.replacen("import (\n", "import (\n\t\"os\"\n", 1) + "\nos.Exit(3)\n");
    let files: Vec<SnippetFile> = go.iter().map(|code| SnippetFile { code: code.clone(), ..snippet("go") }).collect();
    let (built, exe) = build_go(&files.iter().collect::<Vec<_>>());
    assert!(built.iter().all(|b| *b == Outcome::Pass), "Go: every variant builds: {built:?}");
    let got = run_go_all(&exe.expect("built"), &[0, 1, 2, 3, 4], &version, &[&answer; 5]).await;
    // Go's variants fail after sending (a panic or an exit at the end), so their recorders
    // got the request; the outcome line decides.
    check("Go", got, true);
}
