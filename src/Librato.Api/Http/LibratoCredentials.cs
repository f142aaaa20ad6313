using System;
using System.Net;
using System.Security;
using System.Text;

namespace Librato.Api
{
    /// <summary>
    /// The account email and API token. The token is kept as a read-only <see cref="SecureString"/> and turned into
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
            this.token.MakeReadOnly();
        }

        public LibratoCredentials(string email, string token)
            : this(email, ToSecureString(token))
        {
        }

        public string Email { get; }

        public override string ToString() => Email;

        internal string CreateAuthorizationParameter() =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Email + ":" + new NetworkCredential(string.Empty, token).Password));

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
