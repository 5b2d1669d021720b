//! `sdkgen export openapi` checked by the tools users trust: openapi-spec-validator accepts
//! the document, and every request and response example validates (JSON Schema 2020-12)
//! against the schema its operation declares (tests/python/check_openapi.py).

use sdkgen::model::Model;
use sdkgen_tests::recorder::python_venv;
use sdkgen_tests::{root, run, scratch, write};
use serde_json::Value;
use std::process::Command;

fn export(model: &Model) -> Value {
    sdkgen::export::openapi::document(model, "cargo run -p sdkgen -- export openapi")
}

/// Runs the checker on `doc`: (passed, its output).
fn check(name: &str, doc: &Value) -> (bool, String) {
    let dir = scratch(&format!("openapi-{name}"));
    let file = write(&dir, "openapi.json", &serde_json::to_string_pretty(doc).unwrap());
    let (ok, out, err) = run(Command::new(python_venv()).arg(root().join("tests/python/check_openapi.py")).arg(&file));
    (ok, format!("{out}{err}"))
}

fn examples_with_bodies(model: &Model) -> usize {
    model.actions.iter().flat_map(|a| &a.examples).map(|e| e.request.body.is_some() as usize + e.response.body.is_some() as usize).sum()
}

#[test]
fn the_shipped_and_obstacle_specs_export_valid_openapi_whose_examples_fit_their_schemas() {
    for (name, model) in [("shipped", sdkgen_tests::shipped_model()), ("obstacle", sdkgen_tests::obstacle_model())] {
        let (ok, out) = check(name, &export(&model));
        assert!(ok, "{name}:\n{out}");
        assert!(out.contains("valid OpenAPI 3.1.0"), "{out}");
        let want = format!("{} examples valid against their schemas", examples_with_bodies(&model));
        assert!(out.contains(&want), "{name}: expected `{want}`:\n{out}");
    }
}

#[test]
fn a_wrong_example_or_a_broken_document_is_caught() {
    let doc = export(&sdkgen_tests::shipped_model());
    // An enum value no schema allows, in reject's request example.
    let mut wrong = doc.clone();
    let example = &mut wrong["paths"]["/communications/calls/{id}/reject"]["post"]["requestBody"]["content"]["application/json"]
        ["examples"]["call-reject"]["value"];
    assert_eq!(example["reason"], "busy", "the reject example as the page has it");
    example["reason"] = "notAReason".into();
    let (ok, out) = check("wrong-example", &wrong);
    assert!(!ok && out.contains("FAIL POST /communications/calls/{id}/reject requestBody example call-reject"), "{out}");
    // A $ref to a schema that does not exist.
    let mut broken = doc;
    broken["components"]["schemas"].as_object_mut().unwrap().remove("microsoft.graph.rejectReason");
    let (ok, out) = check("broken", &broken);
    assert!(!ok, "a dangling $ref passed:\n{out}");
}

#[test]
fn inheritance_is_all_of_and_polymorphism_a_discriminator_on_odata_type() {
    let model = sdkgen_tests::shipped_model();
    let doc = export(&model);
    let schemas = &doc["components"]["schemas"];
    let media = &schemas["microsoft.graph.mediaPrompt"];
    assert_eq!(media["allOf"][0]["$ref"], "#/components/schemas/microsoft.graph.prompt", "{media}");
    let prompt = &schemas["microsoft.graph.prompt"];
    assert_eq!(prompt["discriminator"]["propertyName"], "@odata.type");
    assert_eq!(prompt["discriminator"]["mapping"]["#microsoft.graph.mediaPrompt"], "#/components/schemas/microsoft.graph.mediaPrompt");
    assert_eq!(schemas["microsoft.graph.rejectReason"]["enum"], serde_json::json!(["none", "busy", "forbidden", "unknownFutureValue"]));
    // One operation per path of every action, under the method its kind sends.
    let operations: usize = doc["paths"].as_object().unwrap().values().map(|item| item.as_object().unwrap().len()).sum();
    assert_eq!(operations, model.actions.iter().map(|a| a.paths.len()).sum::<usize>());
    let get = &doc["paths"]["/communications/calls/{id}"]["get"];
    assert_eq!(get["operationId"], "call.get", "{get}");
    assert!(get.get("requestBody").is_none(), "a GET sends no body");
}
