use super::Lang;
use leptos::prelude::*;

/// Links to the same page in every language, keeping the path and query. Rendered on the
/// server only; where a page changes its query in the browser (the directory), the island
/// doing so keeps these links in step (`zone::directory`).
#[component]
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
                            aria-current=(lang == current).then_some("true")
                        >
                            {lang.native_name()}
                        </a>
                    }
                })
                .collect_view()}
        </nav>
    }
}
