//! One way to build a page's URL: every page of the site, for a language, with its query.

use crate::i18n::Lang;
use crate::ui::url::encode_component;

/// A page of the site, independent of its language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page<'a> {
    Home,
    Zone,
    Company { mic: &'a str, symbol: &'a str },
    ExportCsv,
    ExportXlsx,
    Register,
    Login,
    Logout,
    Account,
    AccountPassword,
    AccountSessionsEnd,
    PasswordForgot,
    PasswordReset,
    Admin,
    AdminPartners,
    AdminDecision { account_id: i32, action: &'a str },
    Partner,
    PartnerImports,
    PartnerImport { id: i32 },
    PartnerImportDecide { id: i32 },
    PartnerImportCommit { id: i32 },
    PartnerImportUndo { id: i32 },
    PartnerImportFile { id: i32, part: i16 },
    PartnerTokens,
    PartnerTokenRevoke { id: i32 },
    PartnerCompanies,
    PartnerCompany { symbol: &'a str },
    PartnerCompanyDelist { symbol: &'a str },
    PartnerCompanyRelist { symbol: &'a str },
    Demands,
    DemandNew,
    Demand { id: i32 },
    DemandEdit { id: i32 },
    DemandMatches { id: i32 },
    Introduce { mic: &'a str, symbol: &'a str },
    CompanyMatches { mic: &'a str, symbol: &'a str },
    Desk,
    DeskExport { format: &'a str },
    Case { id: i32 },
    Readiness,
    ReadinessNew,
    Assessment { id: i32 },
}

impl Page<'_> {
    /// The path after the language segment.
    fn path(&self) -> String {
        match self {
            Page::Home => String::new(),
            Page::Zone => "zone".into(),
            Page::Company { mic, symbol } => {
                format!(
                    "zone/{}/{}",
                    encode_component(mic),
                    encode_component(symbol)
                )
            }
            Page::ExportCsv => "zone/export.csv".into(),
            Page::ExportXlsx => "zone/export.xlsx".into(),
            Page::Register => "register".into(),
            Page::Login => "login".into(),
            Page::Logout => "logout".into(),
            Page::Account => "account".into(),
            Page::AccountPassword => "account/password".into(),
            Page::AccountSessionsEnd => "account/sessions/end".into(),
            Page::PasswordForgot => "password/forgot".into(),
            Page::PasswordReset => "password/reset".into(),
            Page::Admin => "admin".into(),
            Page::AdminPartners => "admin/partners".into(),
            Page::AdminDecision { account_id, action } => {
                format!("admin/accounts/{account_id}/{}", encode_component(action))
            }
            Page::Partner => "partner".into(),
            Page::PartnerImports => "partner/imports".into(),
            Page::PartnerImport { id } => format!("partner/imports/{id}"),
            Page::PartnerImportDecide { id } => format!("partner/imports/{id}/decide"),
            Page::PartnerImportCommit { id } => format!("partner/imports/{id}/commit"),
            Page::PartnerImportUndo { id } => format!("partner/imports/{id}/undo"),
            Page::PartnerImportFile { id, part } => format!("partner/imports/{id}/files/{part}"),
            Page::PartnerTokens => "partner/tokens".into(),
            Page::PartnerTokenRevoke { id } => format!("partner/tokens/{id}/revoke"),
            Page::PartnerCompanies => "partner/companies".into(),
            Page::PartnerCompany { symbol } => {
                format!("partner/companies/{}", encode_component(symbol))
            }
            Page::PartnerCompanyDelist { symbol } => {
                format!("partner/companies/{}/delist", encode_component(symbol))
            }
            Page::PartnerCompanyRelist { symbol } => {
                format!("partner/companies/{}/relist", encode_component(symbol))
            }
            Page::Demands => "demands".into(),
            Page::DemandNew => "demands/new".into(),
            Page::Demand { id } => format!("demands/{id}"),
            Page::DemandEdit { id } => format!("demands/{id}/edit"),
            Page::DemandMatches { id } => format!("demands/{id}/matches"),
            Page::Introduce { mic, symbol } => format!(
                "zone/{}/{}/introduction",
                encode_component(mic),
                encode_component(symbol)
            ),
            Page::CompanyMatches { mic, symbol } => format!(
                "zone/{}/{}/matches",
                encode_component(mic),
                encode_component(symbol)
            ),
            Page::Desk => "cases".into(),
            Page::DeskExport { format } => format!("cases/export.{}", encode_component(format)),
            Page::Case { id } => format!("cases/{id}"),
            Page::Readiness => "readiness".into(),
            Page::ReadinessNew => "readiness/new".into(),
            Page::Assessment { id } => format!("readiness/{id}"),
        }
    }

    /// `/{lang}/…`
    pub fn url(&self, lang: Lang) -> String {
        format!("/{}/{}", lang.code(), self.path())
    }

    /// `/{lang}/…?key=value&…`, each value encoded.
    pub fn url_with(&self, lang: Lang, query: &[(&str, &str)]) -> String {
        let pairs: Vec<String> = query
            .iter()
            .map(|(k, v)| format!("{k}={}", encode_component(v)))
            .collect();
        match pairs.is_empty() {
            true => self.url(lang),
            false => format!("{}?{}", self.url(lang), pairs.join("&")),
        }
    }

    /// Page `page` of a list at this address filtered by `filters`: the first page has no number,
    /// so that it has one address.
    pub fn url_at_page(
        &self,
        lang: Lang,
        mut filters: Vec<(&'static str, String)>,
        page: u32,
    ) -> String {
        if page > 1 {
            filters.push(("page", page.to_string()));
        }
        let pairs: Vec<(&str, &str)> = filters.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.url_with(lang, &pairs)
    }

    /// `/{lang}/…` followed by a query string that is already encoded (`?a=b`, or empty).
    pub fn url_and(&self, lang: Lang, query_string: &str) -> String {
        format!("{}{query_string}", self.url(lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_have_one_url_per_language() {
        assert_eq!(Page::Home.url(Lang::Th), "/th/");
        assert_eq!(Page::Zone.url(Lang::Zh), "/zh/zone");
        assert_eq!(
            Page::Company {
                mic: "XKLS",
                symbol: "0158"
            }
            .url(Lang::Ms),
            "/ms/zone/XKLS/0158"
        );
        assert_eq!(
            Page::Company {
                mic: "XBKK",
                symbol: "A&B.C"
            }
            .url(Lang::En),
            "/en/zone/XBKK/A%26B.C"
        );
        assert_eq!(
            Page::Login.url_with(Lang::En, &[("next", "/en/zone?q=棕榈")]),
            "/en/login?next=%2Fen%2Fzone%3Fq%3D%E6%A3%95%E6%A6%88"
        );
        assert_eq!(Page::Account.url_with(Lang::En, &[]), "/en/account");
        assert_eq!(
            Page::AdminDecision {
                account_id: 7,
                action: "verify"
            }
            .url(Lang::En),
            "/en/admin/accounts/7/verify"
        );
    }
}
