//! The indicator framework: is every family present, are codes and names right.
pub mod benefit_missing;
pub mod code_name_mismatch;
pub mod code_parent_mismatch;
pub mod code_unknown;
pub mod indicator_duplicate;
pub mod indicator_misfiled;
pub mod name_placeholder;
pub mod output_missing;
pub mod satisfaction_misfiled;
pub mod satisfaction_missing;
pub mod weight_band;
pub mod weight_sum;

use crate::indicator::framework::Family;
use crate::layout::Project;
use crate::rules::{Context, Location, Sink};
use crate::text::Message;

/// Reports a project that has readable indicators but none of `family`.
/// Empty or unreadable cells are left to output-missing and indicator-unparsed,
/// a table without levels to column-missing.
pub(crate) fn report_family_missing(
    cx: &Context,
    project: &Project,
    family: Family,
    out: &mut Sink,
) {
    let indicators = &project.indicators.indicators;
    if cx.unclassified()
        || indicators.is_empty()
        || indicators.iter().any(|i| i.family() == Some(family))
    {
        return;
    }
    // The families present, listed straight into the messages: many projects
    // of a large table lack one.
    let (mut zh, mut en) = (
        format!("缺少{}：{} 项指标中只有", family.name(), indicators.len()),
        format!(
            "No {} indicator: the {} indicators are only ",
            family.name_en(),
            indicators.len()
        ),
    );
    let present = Family::ALL
        .into_iter()
        .filter(|f| indicators.iter().any(|i| i.family() == Some(*f)));
    let mut listed = 0;
    for f in present {
        if listed > 0 {
            zh.push('、');
            en.push_str(", ");
        }
        zh.push_str(f.name());
        en.push_str(f.name_en());
        listed += 1;
    }
    if listed == 0 {
        zh.push_str("无法归类的指标");
        en.push_str("unclassified");
    }
    out.report(
        Location::in_project(project, project.indicator_cell.index),
        Message::new(zh, en),
    );
}
