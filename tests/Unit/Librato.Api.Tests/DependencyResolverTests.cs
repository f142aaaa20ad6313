using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using Librato.PowerShell;
using Xunit;

namespace Librato.Api.Tests
{
    /// <summary>Which failed assembly loads the module answers with a file from its own folder, and which it leaves alone.</summary>
    public class DependencyResolverTests
    {
        private const string OtherToken = ", Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a";
        private const string UnsafeToken = ", Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a";
        private static readonly string ModuleDirectory = Path.Combine(Path.GetTempPath(), "librato-resolver", "Librato");
        private static readonly string ModuleAssembly = Path.Combine(ModuleDirectory, "System.Memory.dll");

        private readonly Dictionary<string, AssemblyName> shipped = new Dictionary<string, AssemblyName>(StringComparer.OrdinalIgnoreCase)
        {
            [Path.Combine(ModuleDirectory, "System.Runtime.CompilerServices.Unsafe.dll")] = new AssemblyName("System.Runtime.CompilerServices.Unsafe, Version=6.0.0.0" + UnsafeToken),
            [Path.Combine(ModuleDirectory, "System.Text.Json.dll")] = new AssemblyName("System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51"),
            [Path.Combine(ModuleDirectory, "Librato.Api.dll")] = new AssemblyName("Librato.Api, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null"),
        };

        private DependencyResolver Desktop() => new DependencyResolver(ModuleDirectory, isCore: false, runtimeProvides: _ => false, readName: Read);

        private DependencyResolver Core(params string[] runtime) =>
            new DependencyResolver(ModuleDirectory, isCore: true, runtimeProvides: runtime.Contains, readName: Read);

        private AssemblyName? Read(string path) => shipped.TryGetValue(path, out var name) ? name : null;

        [Fact]
        public void Answers_a_module_assembly_asking_for_an_older_version_of_a_shipped_dependency()
        {
            // System.Memory 4.5.5 asks for Unsafe 4.0.4.1; 6.0.0.0 ships. Windows PowerShell has no binding redirect for it.
            var path = Desktop().Resolve(new AssemblyName("System.Runtime.CompilerServices.Unsafe, Version=4.0.4.1" + UnsafeToken), ModuleAssembly);
            Assert.Equal(Path.Combine(ModuleDirectory, "System.Runtime.CompilerServices.Unsafe.dll"), path);
        }

        [Fact]
        public void Answers_the_exact_version_and_unsigned_module_assemblies()
        {
            Assert.NotNull(Desktop().Resolve(new AssemblyName("System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51"), ModuleAssembly));
            Assert.NotNull(Desktop().Resolve(new AssemblyName("Librato.Api, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null"), Path.Combine(ModuleDirectory, "Librato.PowerShell.dll")));
            Assert.NotNull(Desktop().Resolve(new AssemblyName("Librato.Api"), Path.Combine(ModuleDirectory, "Librato.PowerShell.dll")));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        public void Leaves_requests_from_an_unknown_or_dynamic_assembly_alone(string? requesting)
        {
            Assert.Null(Desktop().Resolve(new AssemblyName("System.Runtime.CompilerServices.Unsafe, Version=4.0.4.1" + UnsafeToken), requesting));
        }

        [Fact]
        public void Leaves_requests_from_other_modules_and_the_host_alone()
        {
            var request = new AssemblyName("System.Runtime.CompilerServices.Unsafe, Version=4.0.4.1" + UnsafeToken);
            var resolver = Desktop();
            Assert.Null(resolver.Resolve(request, Path.Combine(Path.GetTempPath(), "librato-resolver", "Other", "Other.dll")));
            Assert.Null(resolver.Resolve(request, Path.Combine(ModuleDirectory, "en-US", "Librato.PowerShell.resources.dll")));
            Assert.Null(resolver.Resolve(request, Path.Combine(Path.GetTempPath(), "librato-resolver", "Librato.dll")));
            Assert.Null(resolver.Resolve(request, Path.Combine(ModuleDirectory + "-copy", "System.Memory.dll")));
        }

        [Fact]
        public void Leaves_assemblies_the_module_does_not_ship_alone()
        {
            Assert.Null(Desktop().Resolve(new AssemblyName("Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed"), ModuleAssembly));
        }

        [Fact]
        public void Never_answers_with_an_older_file_than_the_one_asked_for()
        {
            Assert.Null(Desktop().Resolve(new AssemblyName("System.Text.Json, Version=9.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51"), ModuleAssembly));
        }

        [Fact]
        public void Never_answers_with_a_file_signed_by_someone_else()
        {
            Assert.Null(Desktop().Resolve(new AssemblyName("System.Text.Json, Version=8.0.0.0" + OtherToken), ModuleAssembly));
            Assert.Null(Desktop().Resolve(new AssemblyName("Librato.Api, Version=0.1.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51"), ModuleAssembly));
        }

        [Fact]
        public void Leaves_satellite_resources_and_names_that_are_paths_alone()
        {
            var resolver = Desktop();
            Assert.Null(resolver.Resolve(new AssemblyName("System.Text.Json, Version=8.0.0.0, Culture=de, PublicKeyToken=cc7b13ffcd2ddd51"), ModuleAssembly));
            var traversal = new AssemblyName { Name = "../Librato/System.Text.Json", Version = new Version(8, 0, 0, 0) };
            Assert.Null(resolver.Resolve(traversal, ModuleAssembly));
        }

        [Fact]
        public void On_PowerShell_7_leaves_what_the_runtime_provides_to_the_runtime()
        {
            var request = new AssemblyName("System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51");
            Assert.Null(Core("System.Text.Json", "System.Runtime.CompilerServices.Unsafe").Resolve(request, ModuleAssembly));
            Assert.NotNull(Core("System.Runtime.CompilerServices.Unsafe").Resolve(request, ModuleAssembly));
        }

        [Fact]
        public void The_runtime_list_of_this_process_holds_the_in_box_dependencies()
        {
            var platform = DependencyResolver.TrustedPlatformAssemblies();
            foreach (var name in new[] { "System.Text.Json", "System.Memory", "System.Runtime.CompilerServices.Unsafe", "System.Text.Encodings.Web" })
            {
                Assert.Contains(name, platform);
            }
        }

        [Fact]
        public void Reads_real_files_and_skips_what_is_not_an_assembly()
        {
            var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "librato-resolver-" + Guid.NewGuid().ToString("N"))).FullName;
            try
            {
                var api = typeof(LibratoClient).Assembly;
                File.Copy(api.Location, Path.Combine(folder, "Librato.Api.dll"));
                File.WriteAllText(Path.Combine(folder, "Broken.dll"), "not an assembly");
                var resolver = new DependencyResolver(folder + Path.DirectorySeparatorChar, isCore: false, _ => false, DependencyResolver.ReadName);
                var requesting = Path.Combine(folder, "Librato.PowerShell.dll");

                Assert.Equal(Path.Combine(folder, "Librato.Api.dll"), resolver.Resolve(api.GetName(), requesting));
                Assert.Null(resolver.Resolve(new AssemblyName("Broken, Version=1.0.0.0"), requesting));
                Assert.Null(resolver.Resolve(new AssemblyName("Missing, Version=1.0.0.0"), requesting));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public void The_hook_is_attached_by_the_first_import_and_detached_by_the_last_removal()
        {
            var attached = 0;
            var detached = 0;
            var hook = new CountedHook(() => attached++, () => detached++);

            hook.Acquire();
            hook.Acquire();
            Assert.Equal(1, attached);
            hook.Release();
            Assert.True(hook.IsAttached);
            Assert.Equal(0, detached);
            hook.Release();
            Assert.False(hook.IsAttached);
            Assert.Equal(1, detached);

            hook.Release();
            Assert.Equal(1, detached);
            hook.Acquire();
            Assert.Equal(2, attached);
            Assert.True(hook.IsAttached);
        }

        [Fact]
        public void The_initializer_is_public_so_PowerShell_runs_it_on_import_and_removal()
        {
            var type = typeof(ModuleAssemblyInitializer);
            Assert.True(type.IsPublic);
            Assert.True(typeof(IModuleAssemblyInitializer).IsAssignableFrom(type));
            Assert.True(typeof(IModuleAssemblyCleanup).IsAssignableFrom(type));
        }
    }
}
