using System;
using System.Collections;
using System.Management.Automation;
using System.Net;
using System.Security;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Connects to a Librato account (email and token) or, with -AppOptics, to AppOptics (token only), and makes
    /// that session the default for every cmdlet.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "Librato", HelpUri = HelpLinks.Pages + "Connect-Librato.md", DefaultParameterSetName = EnvironmentSet)]
    [OutputType(typeof(LibratoSession))]
    public sealed class ConnectLibratoCommand : PSCmdlet
    {
        public const string TokenSet = "Token";
        public const string CredentialSet = "Credential";
        public const string EnvironmentSet = "Environment";
        public const string UserVariable = "LIBRATO_USER";
        public const string TokenVariable = "LIBRATO_TOKEN";
        public const string AppOpticsTokenSet = "AppOpticsToken";
        public const string AppOpticsCredentialSet = "AppOpticsCredential";
        public const string AppOpticsEnvironmentSet = "AppOpticsEnvironment";
        public const string AppOpticsTokenVariable = "APPOPTICS_TOKEN";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = TokenSet)]
        [ValidateNotNullOrEmpty]
        public string Email { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = TokenSet)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = AppOpticsTokenSet)]
        [ValidateNotNull]
        public SecureString? Token { get; set; }

        /// <summary>
        /// With -AppOptics only the password counts (AppOptics has no user names), and the parameter is named so that
        /// a token given by position is not taken for a credential.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = CredentialSet)]
        [Parameter(Mandatory = true, ParameterSetName = AppOpticsCredentialSet)]
        [ValidateNotNull]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>Connect to AppOptics: token-only authentication, tagged gauges only, its endpoint by default.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AppOpticsTokenSet)]
        [Parameter(Mandatory = true, ParameterSetName = AppOpticsCredentialSet)]
        [Parameter(Mandatory = true, ParameterSetName = AppOpticsEnvironmentSet)]
        public SwitchParameter AppOptics { get; set; }

        /// <summary>The API root; by default https://metrics-api.librato.com, or https://api.appoptics.com with -AppOptics.</summary>
        [Parameter]
        [ValidateNotNull]
        [Endpoint]
        public Uri? Endpoint { get; set; }

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 10;

        /// <summary>How long making a connection may take (separate from -TimeoutSec on PowerShell 7).</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int ConnectTimeoutSec { get; set; } = 10;

        /// <summary>Retries for server errors, rate limits, timeouts and broken connections (0 turns them off).</summary>
        [Parameter]
        [ValidateRange(0, 100)]
        public int MaxRetries { get; set; } = 5;

        /// <summary>The longest wait between two attempts, a server's Retry-After included.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int MaxRetryDelaySec { get; set; } = 30;

        /// <summary>A proxy to use instead of the system or environment proxy.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? Proxy { get; set; }

        [Parameter]
        [ValidateNotNull]
        [Credential]
        public PSCredential? ProxyCredential { get; set; }

        /// <summary>Connect directly, ignoring the system and environment proxy.</summary>
        [Parameter]
        public SwitchParameter NoProxy { get; set; }

        /// <summary>
        /// A spool directory: batches that still fail after the retries are kept there and sent first by the next
        /// Send-LibratoMetric (or Send-LibratoOutbox), oldest first.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OutboxPath { get; set; }

        /// <summary>
        /// How long one send may keep trying through failures (retries, waits for a rate limit): past it, what is left
        /// is kept in the outbox or reported at once, so that an outage never holds a scheduled task for hours. 0 for
        /// no limit.
        /// </summary>
        [Parameter]
        [ValidateRange(0, 86400)]
        public int MaxSendDurationSec { get; set; } = (int)SenderOptions.DefaultMaxSendDuration.TotalSeconds;

        /// <summary>Send request bodies uncompressed (they are gzipped by default).</summary>
        [Parameter]
        public SwitchParameter NoCompression { get; set; }

        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary>Makes every metric name passed to a cmdlet valid, as ConvertTo-LibratoMetricName does.</summary>
        [Parameter]
        public SwitchParameter SanitizeMetricNames { get; set; }

        /// <summary>Tags that every gauge sent through the session inherits.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? DefaultTags { get; set; }

        /// <summary>Connects without the one request that checks the credentials (for a machine that cannot reach the API yet).</summary>
        [Parameter]
        public SwitchParameter SkipCredentialCheck { get; set; }

        /// <summary>Kept for scripts written before Connect-Librato always wrote its session; the session is written either way.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            var api = AppOptics ? MetricsApi.AppOptics : MetricsApi.Librato;
            var endpoint = Endpoint ?? LibratoClientOptions.DefaultEndpointFor(api);
            CheckEndpoint(endpoint);
            var options = new LibratoClientOptions
            {
                Api = api,
                Endpoint = endpoint,
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                ConnectTimeout = TimeSpan.FromSeconds(ConnectTimeoutSec),
                MaxRetries = MaxRetries,
                MaxRetryDelay = TimeSpan.FromSeconds(MaxRetryDelaySec),
                UserAgent = UserAgent.Value,
                UseProxy = !NoProxy,
                Proxy = CreateProxy(),
                CompressRequests = !NoCompression,
            };
            if (!InputConversion.TryTags(DefaultTags, out var defaultTags))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException($"-DefaultTags: {InputConversion.TagsProblem(DefaultTags)}."), ErrorIds.InvalidTag, ErrorCategory.InvalidArgument, DefaultTags));
            }

            if (defaultTags != null)
            {
                CheckTags(defaultTags);
            }

            var outbox = OutboxPath == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutboxPath);
            var session = new LibratoSession(
                ReadCredentials(), options, AllowUnencryptedAuthentication.IsPresent, SanitizeMetricNames.IsPresent, defaultTags, outbox,
                MaxSendDurationSec == 0 ? (TimeSpan?)null : TimeSpan.FromSeconds(MaxSendDurationSec));

            if (!SkipCredentialCheck)
            {
                CheckCredentials(session);
            }

            // The replaced session stays usable: scripts may still hold it.
            SessionStore.Replace(session);
            WriteVerbose(session.Email == null
                ? $"Connected to {session.Api} at {session.Endpoint} with an API token ({session.Credentials})."
                : $"Connected to {session.Endpoint} as {session.Email} ({session.Credentials}).");
            WriteObject(session);
        }

        protected override void StopProcessing() => stopping.Cancel();

        private readonly System.Threading.CancellationTokenSource stopping = new System.Threading.CancellationTokenSource();

        /// <summary>
        /// One request tells a wrong token now rather than at the first send. Refused credentials (and a session no
        /// request could get past) end the command and keep the previous session; an endpoint that cannot be reached
        /// or fails only warns, so a scheduled task with an outbox still connects and spools during an outage.
        /// </summary>
        private void CheckCredentials(LibratoSession session)
        {
            var progress = new ProgressRecord(ProgressIds.Connect, "Connect-Librato", $"Checking the credentials at {session.Endpoint}");
            WriteProgress(progress);
            var trace = new VerboseTrace();
            try
            {
                session.Client.CheckCredentialsAsync(trace, stopping.Token).GetAwaiter().GetResult();
                session.Credentials = LibratoSession.CredentialsAccepted;
            }
            catch (LibratoApiException ex) when (ex.Kind == LibratoErrorKind.Unauthorized || ex.Kind == LibratoErrorKind.Forbidden)
            {
                session.Dispose();
                var who = session.Email == null ? "the AppOptics token" : $"the email '{session.Email}' and its API token";
                var record = new ErrorRecord(ex, ErrorIds.AuthenticationFailed, ErrorCategory.AuthenticationError, session.Endpoint);
                record.ErrorDetails = new ErrorDetails(
                    $"The API at {session.Endpoint} refused {who} ({ex.StatusCode} {(ex.Kind == LibratoErrorKind.Unauthorized ? "unauthorized" : "forbidden")}). " +
                    "Check that the token is a current API token of that account (Librato: Settings > API Tokens) and that the email is the " +
                    "account's login, then run Connect-Librato again. The previous session, if any, is still the default.")
                {
                    RecommendedAction = "Run Connect-Librato again with a valid email and API token.",
                };
                ThrowTerminatingError(record);
            }
            catch (LibratoApiException ex)
            {
                // Also a certificate, proxy or redirect problem: the commands that follow end with it by its own id,
                // and measurements sent meanwhile are kept (in the outbox, or in Unsent) rather than lost with a refusal here.
                session.Credentials = $"{LibratoSession.NotChecked} ({ex.KindText})";
                var cause = ex.Message.TrimEnd();
                WriteWarning(
                    $"Connected without checking the credentials: {cause}{(cause.EndsWith(".", StringComparison.Ordinal) ? string.Empty : ".")} " +
                    "Measurements are sent when the endpoint answers" +
                    (session.OutboxPath != null ? $"; until then they wait in the outbox at {session.OutboxPath}." : "; a send fails until then, and Connect-Librato -OutboxPath keeps them on disk meanwhile."));
            }
            finally
            {
                while (trace.TryTake(out var line))
                {
                    WriteVerbose(line);
                }

                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
        }

        private LibratoCredentials ReadCredentials()
        {
            try
            {
                return CreateCredentials();
            }
            catch (ArgumentException ex)
            {
                // An empty email or token: say so under the same id as credentials that are missing altogether.
                ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.MissingCredentials, ErrorCategory.AuthenticationError, null));
                throw;
            }
        }

        private LibratoCredentials CreateCredentials()
        {
            switch (ParameterSetName)
            {
                case TokenSet:
                    return new LibratoCredentials(Email, Token!);
                case CredentialSet:
                    return new LibratoCredentials(Credential!.UserName, Credential.Password);
                case AppOpticsTokenSet:
                    return new LibratoCredentials(Token!);
                case AppOpticsCredentialSet:
                    return new LibratoCredentials(Credential!.Password);
                case AppOpticsEnvironmentSet:
                    return AppOpticsEnvironmentCredentials();
                default:
                    var user = Environment.GetEnvironmentVariable(UserVariable);
                    var token = Environment.GetEnvironmentVariable(TokenVariable);
                    if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(token))
                    {
                        ThrowTerminatingError(new ErrorRecord(
                            new PSArgumentException(
                                $"No credentials: give -Email and -Token, or -Credential, or set the {UserVariable} and {TokenVariable} environment variables."),
                            ErrorIds.MissingCredentials,
                            ErrorCategory.AuthenticationError,
                            null));
                    }

                    return new LibratoCredentials(user!, token!);
            }
        }

        private LibratoCredentials AppOpticsEnvironmentCredentials()
        {
            var token = Environment.GetEnvironmentVariable(AppOpticsTokenVariable);
            if (string.IsNullOrEmpty(token))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException($"No AppOptics token: give -Token or -Credential, or set the {AppOpticsTokenVariable} environment variable."),
                    ErrorIds.MissingCredentials,
                    ErrorCategory.AuthenticationError,
                    null));
            }

            var secure = new SecureString();
            foreach (var c in token!)
            {
                secure.AppendChar(c);
            }

            return new LibratoCredentials(secure);
        }

        private System.Net.IWebProxy? CreateProxy()
        {
            if (Proxy == null)
            {
                return null;
            }

            if (!Proxy.IsAbsoluteUri || !string.IsNullOrEmpty(Proxy.UserInfo))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException(Proxy.IsAbsoluteUri
                        ? $"The proxy '{WithoutUserInfo(Proxy)}' carries a user name or password in the URL, where it would show in the session and in " +
                          "verbose output. Give the URL without it, and the proxy's credentials with -ProxyCredential."
                        : $"The proxy '{Proxy}' is not an absolute URL such as http://proxy.example.com:8080."),
                    ErrorIds.InvalidProxy,
                    ErrorCategory.InvalidArgument,
                    null));
            }

            return new System.Net.WebProxy(Proxy)
            {
                Credentials = ProxyCredential?.GetNetworkCredential(),
            };
        }

        private static string WithoutUserInfo(Uri uri) =>
            new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri.GetLeftPart(UriPartial.Path);

        private void CheckTags(System.Collections.Generic.IDictionary<string, string> tags)
        {
            var probe = new Measurement("default.tags", 0) { Tags = tags };
            var error = MeasurementValidator.Default.Validate(probe, EpochTime.Now());
            if (error != null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException("DefaultTags: " + error.Message.Replace("'default.tags'", "the default tags")),
                    ErrorIds.ForValidation(error.Code),
                    ErrorCategory.InvalidArgument,
                    DefaultTags));
            }
        }

        private void CheckEndpoint(Uri endpoint)
        {
            if (endpoint.IsAbsoluteUri && !string.IsNullOrEmpty(endpoint.UserInfo))
            {
                // Never echoed: the user information may be the token itself.
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException(
                        $"The endpoint '{WithoutUserInfo(endpoint)}' carries a user name or password in the URL, where it would show in the session and in " +
                        "verbose output. Give the URL without it, and the credentials with -Email and -Token or -Credential."),
                    ErrorIds.InvalidEndpoint,
                    ErrorCategory.InvalidArgument,
                    null));
            }

            if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException($"The endpoint '{endpoint}' is not an absolute http or https URL."),
                    ErrorIds.InvalidEndpoint,
                    ErrorCategory.InvalidArgument,
                    endpoint));
            }

            if (endpoint.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback && !AllowUnencryptedAuthentication)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException(
                        $"The endpoint '{endpoint}' is plain http, which would send the API token unencrypted. Use https, " +
                        "or pass -AllowUnencryptedAuthentication if you accept that risk."),
                    ErrorIds.UnencryptedEndpoint,
                    ErrorCategory.SecurityError,
                    endpoint));
            }
        }
    }
}
