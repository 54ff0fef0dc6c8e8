//! The rule registry is the public contract: the catalog's ids, each with its
//! help in both languages, and the README's rule table generated from it.

use jixiao_lint::rules::{docs, REGISTRY};
use jixiao_lint::text::Lang;

/// The catalog of shared/domain/RULES.md §3, plus quote-unbalanced, the
/// rules of the long layouts (weight-sum, name-placeholder, direction-mismatch,
/// unit-name-mismatch) and the review points of issue 12 (goal-indicator-mismatch,
/// cost-missing, standard-missing, value-kind-mismatch).
const CATALOG: [&str; 47] = [
    "header-missing",
    "column-missing",
    "row-unrecognized",
    "quote-unbalanced",
    "indicator-unparsed",
    "markup-in-cell",
    "indicator-numbering",
    "amount-invalid",
    "amount-row-sum",
    "amount-unit-subtotal",
    "amount-grand-total",
    "project-duplicate",
    "goal-missing",
    "goal-truncated",
    "goal-unquantified",
    "goal-indicator-mismatch",
    "output-missing",
    "benefit-missing",
    "satisfaction-missing",
    "code-unknown",
    "code-parent-mismatch",
    "code-name-mismatch",
    "indicator-duplicate",
    "satisfaction-misfiled",
    "indicator-misfiled",
    "weight-sum",
    "weight-band",
    "name-placeholder",
    "value-missing",
    "value-placeholder",
    "value-vague",
    "value-is-criterion",
    "value-unit-missing",
    "rate-out-of-range",
    "period-annual-mismatch",
    "period-equals-annual",
    "satisfaction-not-numeric",
    "satisfaction-low",
    "direction-mismatch",
    "unit-name-mismatch",
    "value-kind-mismatch",
    "standard-missing",
    "standard-unknown",
    "cost-exceeds-budget",
    "budget-target-mismatch",
    "cost-misfiled",
    "cost-missing",
];

#[test]
fn the_registry_holds_exactly_the_catalog() {
    let ids: Vec<&str> = REGISTRY.iter().map(|r| r.id).collect();
    assert_eq!(ids, CATALOG);
    for id in ids {
        assert!(
            id.split('-')
                .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase())),
            "{id} is not kebab-case"
        );
    }
}

#[test]
fn every_rule_documents_what_why_example_and_source_in_both_languages() {
    let has_cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for rule in REGISTRY {
        for (name, text) in [
            ("title", rule.title),
            ("what", rule.what),
            ("why", rule.why),
            ("example", rule.example),
            ("source", rule.source),
        ] {
            assert!(has_cjk(text.zh), "{}: {name} has no Chinese", rule.id);
            assert!(
                text.en.chars().any(|c| c.is_ascii_alphabetic()) || name == "example",
                "{}: {name} has no English",
                rule.id
            );
        }
        // A rule rests on a source, or says that it is a convention or inferred.
        let s = rule.source.zh;
        assert!(
            s.contains('〔')
                || s.contains("约定")
                || s.contains("推定")
                || s.contains("系统")
                || s.contains("办法")
                || s.contains("RFC")
                || s.contains("指引"),
            "{}: source {s}",
            rule.id
        );
    }
}

/// The README's rule table is generated: `UPDATE_README=1 cargo test --test registry` rewrites it.
#[test]
fn readme_rule_table_is_up_to_date() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let (start, end) = ("<!-- rules:start -->\n", "<!-- rules:end -->");
    let (Some(a), Some(b)) = (readme.find(start), readme.find(end)) else {
        panic!("README.md lacks the rules markers")
    };
    let table = docs::markdown(Lang::Zh);
    let current = &readme[a + start.len()..b];
    if current != table {
        if std::env::var_os("UPDATE_README").is_some() {
            std::fs::write(
                path,
                format!("{}{table}{}", &readme[..a + start.len()], &readme[b..]),
            )
            .unwrap();
        } else {
            panic!(
                "README.md's rule table is stale: run UPDATE_README=1 cargo test --test registry"
            );
        }
    }
}
