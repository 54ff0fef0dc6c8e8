//! 绩效目标: the goal text of each project.
pub mod goal_indicator_mismatch;
pub mod goal_missing;
pub mod goal_truncated;
pub mod goal_unquantified;

/// The goal as a reader sees it: markup blanked, a leading `-` dropped, trimmed.
pub(crate) fn goal_text(project: &crate::layout::Project) -> &str {
    project
        .goal
        .text()
        .trim()
        .trim_start_matches(['-', '－'])
        .trim()
}
