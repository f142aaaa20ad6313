using System;
using System.Net;
using System.Security;
using System.Text;

namespace Librato.Api
{
    /// <summary>
    /// The account email (Librato; AppOptics needs none) and API token. The token is kept as a read-only <see cref="SecureString"/> and turned into
    /// the Basic header only while a request is built; neither <see cref="ToString"/> nor any public member reveals it.
    /// </summary>
    public sealed class LibratoCredentials
    {
        private readonly SecureString token;

        public LibratoCredentials(string email, SecureString token)
        {
            if (string.IsNullOrEmpty(email))
            {
                throw new ArgumentException("An account email is required.", nameof(email));
            }

            if (token == null || token.Length == 0)
            {
                throw new ArgumentException("An API token is required.", nameof(token));
            }

            Email = email;
            this.token = token.Copy();

            // Stryker disable once Statement : a guard against later code writing to the copy; nothing outside can reach it
            this.token.MakeReadOnly();
        }

        public LibratoCredentials(string email, string token)
            : this(email, ToSecureString(token))
        {
        }

        /// <summary>A token alone, as AppOptics authenticates; a Librato client refuses these credentials.</summary>
        public LibratoCredentials(SecureString token)
        {
            if (token == null || token.Length == 0)
            {
                throw new ArgumentException("An API token is required.", nameof(token));
            }

            this.token = token.Copy();

            // Stryker disable once Statement : a guard against later code writing to the copy; nothing outside can reach it
            this.token.MakeReadOnly();
        }

        /// <summary>The account email; null for token-only (AppOptics) credentials.</summary>
        public string? Email { get; }

        public bool IsTokenOnly => Email == null;

        public override string ToString() => Email ?? "API token";

        // Stryker disable once String : a NetworkCredential's user name plays no part in reading its password
        internal string CreateAuthorizationParameter() =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Email + ":" + new NetworkCredential(string.Empty, token).Password));

        /// <summary>AppOptics' Basic parameter: the token as user name and an empty password.</summary>
        // Stryker disable once String : as above
        internal string CreateTokenOnlyParameter() =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(new NetworkCredential(string.Empty, token).Password + ":"));

        /// <summary>The Basic parameter the given service expects.</summary>
        internal string CreateAuthorizationParameter(MetricsApi api) =>
            api == MetricsApi.AppOptics ? CreateTokenOnlyParameter() : CreateAuthorizationParameter();

        private static SecureString ToSecureString(string value)
        {
            if (string.IsNullOrEmpty(value))
            {
                throw new ArgumentException("An API token is required.", "token");
            }

            var secure = new SecureString();
            foreach (var c in value)
            {
                secure.AppendChar(c);
            }

            return secure;
        }
    }
}
