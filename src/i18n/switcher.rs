use super::Lang;
use leptos::prelude::*;

/// Links to the same page in every language. Server-rendered hrefs keep the path and query
/// the page was requested with; after hydration a click uses the address bar instead, since
/// client-side filtering may have changed the query since.
// An island in the default build; a plain component when measuring full hydration (README).
#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn LanguageSwitcher(current: Lang, label: String, hrefs: Vec<(Lang, String)>) -> impl IntoView {
    view! {
        <nav class="lang-switcher" aria-label=label>
            {hrefs
                .into_iter()
                .map(|(lang, href)| {
                    view! {
                        <a
                            href=href
                            hreflang=lang.code()
                            lang=lang.code()
                            rel="external"
                            aria-current=(lang == current).then_some("true")
                            on:click=move |ev| follow_current_address(ev, lang)
                        >
                            {lang.native_name()}
                        </a>
                    }
                })
                .collect_view()}
        </nav>
    }
}

#[cfg(feature = "hydrate")]
fn follow_current_address(ev: leptos::ev::MouseEvent, to: Lang) {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return;
    };
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    ev.prevent_default();
    let _ = location.set_href(&format!("{}{}", super::switch_path(&path, to), search));
}

#[cfg(not(feature = "hydrate"))]
fn follow_current_address(_: leptos::ev::MouseEvent, _: Lang) {}
