// A PowerShell host for running help examples: it records what a console would print (output, errors, warnings,
// verbose and "What if:" lines, prompts with the answers typed at them) at a fixed width of 120 columns, and answers
// prompts (Confirm, Read-Host, Get-Credential, mandatory parameters) from a queue of scripted answers.
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace LibratoHelpExamples
{
    public sealed class ExampleHost : PSHost
    {
        private readonly Guid _id = Guid.NewGuid();
        private readonly ExampleHostUI _ui = new ExampleHostUI();
        private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-US");

        public ExampleHostUI Recorder => _ui;
        public override CultureInfo CurrentCulture => Culture;
        public override CultureInfo CurrentUICulture => Culture;
        public override Guid InstanceId => _id;
        public override string Name => "LibratoHelpExamples";
        public override PSHostUserInterface UI => _ui;
        public override Version Version => new Version(1, 0);
        public override void EnterNestedPrompt() => throw new NotSupportedException("The examples have no nested prompt.");
        public override void ExitNestedPrompt() => throw new NotSupportedException("The examples have no nested prompt.");
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
        public override void SetShouldExit(int exitCode) { }
    }

    public sealed class ExampleHostUI : PSHostUserInterface
    {
        private readonly StringBuilder _text = new StringBuilder();
        private readonly ExampleRawUI _raw = new ExampleRawUI();

        /// <summary>What is typed at the prompts, in order; a prompt with nothing left to answer fails the example.</summary>
        public Queue<string> Answers { get; } = new Queue<string>();

        /// <summary>The password typed at a credential prompt for each user name the examples use.</summary>
        public Dictionary<string, string> Passwords { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public override PSHostRawUserInterface RawUI => _raw;

        /// <summary>Returns what was printed since the last call, and starts afresh.</summary>
        public string TakeText()
        {
            lock (_text)
            {
                var text = _text.ToString();
                _text.Clear();
                return text;
            }
        }

        // Colours and other terminal sequences, which a plain console shows as nothing.
        private static readonly System.Text.RegularExpressions.Regex Sequences =
            new System.Text.RegularExpressions.Regex("\u001b(\\[[0-9;?]*[A-Za-z]|\\][^\u0007\u001b]*(\u0007|\u001b\\\\))");

        private void Append(string value)
        {
            value = Sequences.Replace(value ?? string.Empty, string.Empty);
            lock (_text) { _text.Append(value); }
        }

        private string NextAnswer(string prompt)
        {
            if (Answers.Count == 0)
            {
                throw new InvalidOperationException($"The example prompts ({prompt.Trim()}) but has no answer to give: add one to its Answers.");
            }

            return Answers.Dequeue();
        }

        public override void Write(string value) => Append(value);
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Append(value);
        public override void WriteLine(string value) => Append(value + "\n");
        public override void WriteErrorLine(string value) => Append(value + "\n");
        public override void WriteDebugLine(string message) => Append("DEBUG: " + message + "\n");
        public override void WriteVerboseLine(string message) => Append("VERBOSE: " + message + "\n");
        public override void WriteWarningLine(string message) => Append("WARNING: " + message + "\n");
        public override void WriteProgress(long sourceId, ProgressRecord record) { }

        public override string ReadLine()
        {
            var answer = NextAnswer("Read-Host");
            Append(answer + "\n");
            return answer;
        }

        public override SecureString ReadLineAsSecureString()
        {
            var answer = NextAnswer("Read-Host -AsSecureString");
            Append(new string('*', answer.Length) + "\n");
            return Secure(answer);
        }

        private static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (var c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
        {
            if (!string.IsNullOrEmpty(caption)) Append(caption + "\n");
            if (!string.IsNullOrEmpty(message)) Append(message + "\n");
            var results = new Dictionary<string, PSObject>();
            foreach (var field in descriptions)
            {
                Append(field.Name + ": ");
                var answer = NextAnswer(field.Name);
                if (string.Equals(field.ParameterTypeFullName, typeof(SecureString).FullName, StringComparison.Ordinal))
                {
                    Append(new string('*', answer.Length) + "\n");
                    results[field.Name] = PSObject.AsPSObject(Secure(answer));
                }
                else
                {
                    Append(answer + "\n");
                    results[field.Name] = PSObject.AsPSObject(answer);
                }
            }

            return results;
        }

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            // As the console host shows it: a blank line, the caption, the message, then the choices on one line.
            if (!string.IsNullOrEmpty(caption)) Append("\n" + caption + "\n");
            if (!string.IsNullOrEmpty(message)) Append(message + "\n");
            var keys = new List<string>();
            var line = new StringBuilder();
            foreach (var choice in choices)
            {
                var label = choice.Label;
                var amp = label.IndexOf('&');
                var key = amp >= 0 && amp + 1 < label.Length ? label.Substring(amp + 1, 1).ToUpperInvariant() : label.Substring(0, 1).ToUpperInvariant();
                keys.Add(key);
                line.Append('[').Append(key).Append("] ").Append(label.Replace("&", string.Empty)).Append("  ");
            }

            line.Append("[?] Help ");
            if (defaultChoice >= 0) line.Append("(default is \"").Append(keys[defaultChoice]).Append("\")");
            line.Append(": ");
            Append(line.ToString());
            var answer = NextAnswer(caption);
            Append(answer + "\n");
            if (answer.Length == 0 && defaultChoice >= 0) return defaultChoice;
            var index = keys.FindIndex(k => string.Equals(k, answer, StringComparison.OrdinalIgnoreCase));
            if (index < 0) throw new InvalidOperationException($"The answer '{answer}' is none of the choices {string.Join(", ", keys)}.");
            return index;
        }

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            PromptForCredential(caption, message, userName, targetName, PSCredentialTypes.Default, PSCredentialUIOptions.Default);

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options)
        {
            // As the console host asks: the caption after a blank line, the message, the user name when none was given,
            // then the password, echoed as stars.
            if (!string.IsNullOrEmpty(caption)) Append("\n" + caption + "\n");
            if (!string.IsNullOrEmpty(message)) Append(message + "\n");
            if (string.IsNullOrEmpty(userName))
            {
                Append("User: ");
                userName = NextAnswer("User");
                Append(userName + "\n");
            }

            Append($"Password for user {userName}: ");
            var password = Passwords.TryGetValue(userName, out var known) ? known : NextAnswer($"password of {userName}");
            Append(new string('*', password.Length) + "\n");
            return new PSCredential(userName, Secure(password));
        }
    }

    public sealed class ExampleRawUI : PSHostRawUserInterface
    {
        private Size _size = new Size(120, 50);

        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
        public override Size BufferSize { get => new Size(_size.Width, 9999); set { } }
        public override Coordinates CursorPosition { get; set; }
        public override int CursorSize { get; set; } = 25;
        public override bool KeyAvailable => false;
        public override Size MaxPhysicalWindowSize => _size;
        public override Size MaxWindowSize => _size;
        public override Coordinates WindowPosition { get; set; }
        public override Size WindowSize { get => _size; set { } }
        public override string WindowTitle { get; set; } = string.Empty;
        public override void FlushInputBuffer() { }
        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();
        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException("The examples read no keys.");
        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
    }
}
