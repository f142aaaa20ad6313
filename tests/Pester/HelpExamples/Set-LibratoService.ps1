# Setup of the examples of docs/cmdlets/Set-LibratoService.md.
@{
    1 = { New-ExampleServices }
}
