use std::process::ExitCode;
use vnext::accounts::Role;
use vnext::accounts::server::{self as accounts, Decision};
use vnext::config::Config;
use vnext::i18n::Lang;
use vnext::platform::audit::Actor;
use vnext::web::error::Problem;

const USAGE: &str = "usage: vnext [serve | migrate | seed --companies N | admin ...]

  serve                 migrate, load demo data into an empty database, and serve (default)
  migrate               migrate and load demo data, then exit
  seed --companies N    migrate, then add N generated companies to an empty database (for
                        benchmarks; the first 64 are the demo companies), then exit
  admin create-operator --email E --password-stdin
  admin create-partner --exchange MIC --email E --password-stdin
  admin verify-enterprise --email E
                        account administration; the password is the first line of stdin

Configuration comes from the environment; see README.md.";

enum Command {
    Serve,
    Migrate,
    Seed(usize),
    CreateStaff {
        role: Role,
        email: String,
        exchange: Option<String>,
    },
    VerifyEnterprise(String),
}

/// The value after `--name` in `flags`.
fn flag<'a>(flags: &[&'a str], name: &str) -> Option<&'a str> {
    flags
        .iter()
        .position(|f| *f == name)
        .and_then(|i| flags.get(i + 1).copied())
        .filter(|v| !v.starts_with("--"))
}

fn admin_command(flags: &[&str]) -> Option<Command> {
    let (&command, flags) = flags.split_first()?;
    let email = flag(flags, "--email")?.to_owned();
    let password_stdin = flags.contains(&"--password-stdin");
    match command {
        "create-operator" if password_stdin && flags.len() == 3 => Some(Command::CreateStaff {
            role: Role::Operator,
            email,
            exchange: None,
        }),
        "create-partner" if password_stdin && flags.len() == 5 => Some(Command::CreateStaff {
            role: Role::Partner,
            email,
            exchange: Some(flag(flags, "--exchange")?.to_owned()),
        }),
        "verify-enterprise" if flags.len() == 2 => Some(Command::VerifyEnterprise(email)),
        _ => None,
    }
}

fn command(args: &[String]) -> Option<Command> {
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] | ["serve"] => Some(Command::Serve),
        ["migrate"] => Some(Command::Migrate),
        ["seed", "--companies", n] => n.parse().ok().filter(|n| *n > 0).map(Command::Seed),
        ["admin", flags @ ..] => admin_command(flags),
        _ => None,
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = command(&args) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(err) => {
            eprintln!("configuration error: {err}");
            return ExitCode::from(2);
        }
    };
    tracing_subscriber::fmt()
        .with_env_filter(config.log.as_str())
        .init();
    match run(config, command).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!("{err}");
            ExitCode::FAILURE
        }
    }
}

async fn run(config: Config, command: Command) -> Result<(), Box<dyn std::error::Error>> {
    if matches!(command, Command::Serve) {
        return serve(config).await;
    }
    let db = vnext::db::connect(&config.database_url).await?;
    match command {
        Command::Seed(count) => {
            vnext::zone::demo::prepare(&db, false).await?;
            vnext::zone::demo::seed_generated(&db, count).await?;
            tracing::info!("seeded {count} generated companies");
            Ok(())
        }
        Command::Migrate => Ok(vnext::zone::demo::prepare(&db, config.demo_data).await?),
        Command::CreateStaff {
            role,
            email,
            exchange,
        } => {
            vnext::zone::demo::prepare(&db, config.demo_data).await?;
            let password = password_from_stdin()?;
            let created = accounts::create_staff(
                &db,
                Lang::DEFAULT,
                role,
                &email,
                &password,
                exchange.as_deref(),
                &Actor::cli(),
            )
            .await
            .map_err(explain)?;
            println!("created {} account {}", role.code(), created.email);
            Ok(())
        }
        Command::VerifyEnterprise(email) => {
            vnext::zone::demo::prepare(&db, config.demo_data).await?;
            let found = accounts::find_by_email(&db, &email)
                .await?
                .filter(|a| a.role == Role::Enterprise.code())
                .ok_or_else(|| format!("no enterprise account {email}"))?;
            accounts::decide(
                &db,
                Lang::DEFAULT,
                found.id,
                Decision::Verify,
                &Actor::cli(),
            )
            .await
            .map_err(explain)?;
            println!("verified {}", found.email);
            Ok(())
        }
        Command::Serve => unreachable!("served above"),
    }
}

/// Migrates, loads the demo data, starts the outbox delivery and serves until a signal.
async fn serve(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    // A configuration that would build links from requests is refused before anything is
    // touched.
    let mut options = leptos::prelude::get_configuration(None)?.leptos_options;
    if let Some(addr) = config.addr {
        options.site_addr = addr;
    }
    let addr = options.site_addr;
    let settings = config.settings(addr)?;
    let db = vnext::db::connect(&config.database_url).await?;
    vnext::zone::demo::prepare(&db, config.demo_data).await?;
    if let Some(url) = &config.smtp_url {
        vnext::platform::delivery::start(db.clone(), url, &config.smtp_from)?;
    }
    let app = vnext::serve::app(options, db, settings);
    let listener = vnext::listener::Capped::new(
        tokio::net::TcpListener::bind(addr).await?,
        config.max_connections,
        vnext::listener::IDLE_TIMEOUT,
    );
    tracing::info!("listening on http://{addr}");
    // The peer address feeds the per-IP rate limits.
    let service = axum::ServiceExt::<axum::extract::Request>::into_make_service_with_connect_info::<
        vnext::listener::Peer,
    >(app);
    axum::serve(listener, service)
        .with_graceful_shutdown(shutdown())
        .await?;
    Ok(())
}

/// The first line of standard input, exactly as typed (only the line ending is removed).
fn password_from_stdin() -> Result<String, Box<dyn std::error::Error>> {
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    let password = line.strip_suffix('\n').unwrap_or(&line);
    Ok(password.strip_suffix('\r').unwrap_or(password).to_owned())
}

/// A refusal as one line for the terminal.
fn explain(problem: Problem) -> Box<dyn std::error::Error> {
    match problem {
        Problem::Fields(errors) => errors
            .into_iter()
            .map(|(field, message)| format!("{field}: {message}"))
            .collect::<Vec<_>>()
            .join("; ")
            .into(),
        Problem::Refused(message) => message.into(),
        Problem::Db(err) => err.into(),
    }
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    tokio::select! { () = ctrl_c => {}, () = term => {} }
}
