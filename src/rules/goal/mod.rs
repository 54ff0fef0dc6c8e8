//! 绩效目标: the goal text of each project.
pub mod goal_indicator_mismatch;
pub mod goal_missing;
pub mod goal_truncated;
pub mod goal_unquantified;

/// The goal as a reader sees it: markup blanked, a leading `-` dropped, trimmed.
pub(crate) fn goal_text(project: &crate::layout::Project) -> &str {
    let text = crate::text::trim(project.goal.text());
    crate::text::trim(text.trim_start_matches(['-', '－']))
}
