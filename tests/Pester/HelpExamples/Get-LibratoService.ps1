# Setup of the examples of docs/cmdlets/Get-LibratoService.md.
@{
    1 = { New-ExampleServices }
    2 = { New-ExampleServices }
    3 = { New-ExampleServices }
    4 = @{ Setup = { New-ExampleServices }; Errors = $true }
}
