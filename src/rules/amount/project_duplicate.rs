use crate::rules::{Check, Context, Location, Rule, Severity, Sink};
use crate::text::{normalized_chars, t, Message};
use std::collections::hash_map::{Entry, HashMap};
use std::hash::{Hash, Hasher};

pub static RULE: Rule = Rule {
    id: "project-duplicate",
    severity: Severity::Info,
    title: t("同一单位内项目重名", "Duplicate project name in a unit"),
    what: t("同一资金使用单位下，两个项目名称相同。", "Two projects of the same spending unit have the same name."),
    why: t(
        "可能是分开的两笔资金（合理），也可能是重复填报；重名时审核人员难以区分，建议在名称中注明区别。",
        "It may be two separate funds (legitimate) or the same project filed twice; either way reviewers cannot tell them apart, so name the difference.",
    ),
    example: t("“数字政府”建设专项资金 出现两次，金额分别为 1,164.43 和 3,488.57。", "“数字政府”建设专项资金 listed twice, with 1,164.43 and 3,488.57."),
    source: t("约定。", "Convention."),
    check: Check::Sheet(check),
};

fn check(cx: &Context, out: &mut Sink) {
    for unit in &cx.sheet.units {
        let mut first_row: HashMap<Key, u32> = HashMap::new();
        for project in &unit.projects {
            let line = &project.line;
            let first = match first_row.entry(Key(&line.name)) {
                Entry::Occupied(first) => *first.get(),
                Entry::Vacant(slot) => {
                    slot.insert(line.row);
                    continue;
                }
            };
            out.report(
                Location::in_line(line, line.name_index),
                Message::new(
                    format!("项目名称与第 {first} 行相同（同一单位内）；如是两笔不同资金，请在名称中注明区别"),
                    format!("Same project name as row {first} in the same unit; if these are separate funds, make the names say so"),
                ),
            );
        }
    }
}

/// A project name compared as its [`normalize_key`](crate::text::normalize_key),
/// character by character, without building the key: most names hold
/// full-width brackets, and a key per project was most of this rule's time.
struct Key<'a>(&'a str);

impl Hash for Key<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // The characters folded into one word first (FNV-1a): the map's own
        // hasher then runs once per name, not once per character.
        let folded = normalized_chars(self.0).fold(0xcbf2_9ce4_8422_2325_u64, |h, c| {
            (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3)
        });
        state.write_u64(folded);
    }
}

impl PartialEq for Key<'_> {
    fn eq(&self, other: &Self) -> bool {
        normalized_chars(self.0).eq(normalized_chars(other.0))
    }
}

impl Eq for Key<'_> {}
