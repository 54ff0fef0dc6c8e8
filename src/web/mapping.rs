//! The column mapping step, the way forward from header-missing: the first
//! rows of the unread table are shown, the user points at its header row and
//! says what each column is. The worker adds the mapping to the profile, so
//! that every table with the same header is read with it (here, in a shared
//! link and in jixiao.toml for the CLI), and the table is checked again.

use super::{i18n, worker, State};
use jixiao_lint::layout::{Column, MAPPABLE};
use jixiao_lint::text::{Lang, Message};
use jixiao_lint::view::HeadRow;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A cell as the row list shows it: long ones cut.
fn shortened(cell: &str) -> String {
    const SHOWN: usize = 16;
    if cell.chars().count() > SHOWN {
        format!("{}…", cell.chars().take(SHOWN).collect::<String>())
    } else {
        cell.to_owned()
    }
}

fn column_label(column: Column, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => column.title(),
        Lang::En => column.title_en(),
    }
}

#[component]
pub fn Mapping(state: State) -> impl IntoView {
    let rows: RwSignal<Option<Vec<HeadRow>>> = RwSignal::new(None);
    // The header row picked (an index into `rows`) and what each of its cells is.
    let header: RwSignal<Option<usize>> = RwSignal::new(None);
    let chosen: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let status: RwSignal<Option<Message>> = RwSignal::new(None);

    // Another table: its own rows, when asked for.
    Effect::new(move |_| {
        state.overview.track();
        rows.set(None);
        header.set(None);
        status.set(None);
    });
    let pick = move |index: usize| {
        header.set(Some(index));
        let guesses = rows.with_untracked(|rows| {
            rows.as_ref()
                .and_then(|r| r.get(index))
                .map(|r| r.guesses.clone())
                .unwrap_or_default()
        });
        chosen.set(guesses);
        status.set(None);
    };
    let start = move |_| {
        spawn_local(async move {
            match worker::head().await {
                Ok((found, suggested)) => {
                    rows.set(Some(found));
                    match suggested {
                        Some(index) => pick(index),
                        None => header.set(None),
                    }
                }
                Err(message) => status.set(Some(message)),
            }
        });
    };
    let apply = move |_| {
        let Some(row) = header
            .get_untracked()
            .and_then(|i| rows.with_untracked(|r| r.as_ref()?.get(i).cloned()))
        else {
            return;
        };
        let ids = chosen.get_untracked().join("\t");
        let cells = row.cells.join("\t");
        let profile = state.profile.get_untracked();
        spawn_local(async move {
            match worker::settings(&profile, Some(("columns", &cells, &ids))).await {
                // Checked again with the mapping; the report takes this place.
                Ok(view) => state.set_profile(view.toml),
                Err(message) => status.set(Some(message)),
            }
        });
    };

    let row_list = move || {
        let lang = state.lang.get();
        rows.with(|rows| {
            rows.as_ref().map(|rows| {
                rows.iter()
                    .enumerate()
                    .map(|(i, row)| {
                        let cells = row
                            .cells
                            .iter()
                            .map(|c| view! { <td title=c.clone()>{shortened(c)}</td> })
                            .collect_view();
                        view! {
                            <tr data-head-row=row.number class:picked=move || header.get() == Some(i)>
                                <td>
                                    <input
                                        type="radio"
                                        name="header-row"
                                        data-action="header-row"
                                        aria-label=format!("{} {}", i18n::MAP_HEADER_ROW.get(lang), row.number)
                                        prop:checked=move || header.get() == Some(i)
                                        on:change=move |_| pick(i)
                                    />
                                </td>
                                <th scope="row">{row.number}</th>
                                {cells}
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let columns = move || {
        let lang = state.lang.get();
        let row = header
            .get()
            .and_then(|i| rows.with(|r| r.as_ref()?.get(i).cloned()))?;
        let fields = row
            .cells
            .iter()
            .enumerate()
            .filter(|(_, cell)| !cell.is_empty())
            .map(|(index, cell)| {
                let current = chosen.with(|c| c.get(index).cloned().unwrap_or_default());
                let options = MAPPABLE
                    .iter()
                    .map(|(column, id)| {
                        view! { <option value=*id selected=current == *id>{column_label(*column, lang)}</option> }
                    })
                    .collect_view();
                view! {
                    <label class="mapping-column">
                        <span>{shortened(cell)}</span>
                        <select
                            data-map-column=index
                            on:change=move |event| {
                                let id = event_target_value(&event);
                                chosen.update(|c| {
                                    if c.len() <= index {
                                        c.resize(index + 1, String::new());
                                    }
                                    c[index] = id;
                                });
                            }
                        >
                            <option value="" selected=current.is_empty()>{i18n::MAP_UNUSED.get(lang)}</option>
                            {options}
                        </select>
                    </label>
                }
            })
            .collect_view();
        Some(view! {
            <div class="mapping-columns">{fields}</div>
            <button type="button" data-action="apply-mapping" on:click=apply>{i18n::MAP_APPLY.get(lang)}</button>
        })
    };

    view! {
        <div class="mapping" data-mapping>
            <Show
                when=move || rows.with(Option::is_some)
                fallback=move || view! {
                    <button type="button" data-action="map-columns" on:click=start>{move || state.tr(i18n::MAP_COLUMNS)}</button>
                }
            >
                <p class="muted small">{move || state.tr(i18n::MAP_INTRO)}</p>
                <div class="mapping-rows-box">
                    <table class="mapping-rows"><tbody>{row_list}</tbody></table>
                </div>
                {columns}
            </Show>
            <p class="status" role="status" data-mapping-status>
                {move || status.get().map(|m| m.get(state.lang.get()).to_owned())}
            </p>
        </div>
    }
}
