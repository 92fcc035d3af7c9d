//! What the partner's pages share: their console tables, and the loading of one batch or
//! company that may not be found.

use crate::i18n::{Lang, tr};
use crate::ui::Loaded;
use crate::web::views::NotFound;
use leptos::prelude::*;
use serde::{Serialize, de::DeserializeOwned};

/// A console table: a head row of `headings` (message keys), then `children`, the body's rows;
/// with `scroll`, in a box that scrolls sideways on narrow screens.
#[component]
pub(super) fn ConsoleTable(
    lang: Lang,
    headings: &'static [&'static str],
    #[prop(default = true)] scroll: bool,
    children: Children,
) -> impl IntoView {
    let headings = headings
        .iter()
        .map(|key| view! { <th scope="col">{tr(lang, key)}</th> })
        .collect_view();
    let table = view! {
        <table class="console-table">
            <thead>
                <tr>{headings}</tr>
            </thead>
            <tbody>{children()}</tbody>
        </table>
    };
    if scroll {
        view! { <div class="table-scroll">{table}</div> }.into_any()
    } else {
        table.into_any()
    }
}

/// Like `Loaded`, for something the server may not find (or not show the viewer): `NotFound`
/// then, so that another exchange's batch or company looks like no batch or company at all.
#[component]
pub(super) fn LoadedOrNotFound<T, V, F>(
    resource: Resource<Result<Option<T>, ServerFnError>>,
    show: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
{
    let show = move |found: Option<T>| match found {
        Some(value) => show(value).into_any(),
        None => view! { <NotFound /> }.into_any(),
    };
    view! { <Loaded resource show /> }
}
