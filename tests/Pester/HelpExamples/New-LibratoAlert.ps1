# Setup of the examples of docs/cmdlets/New-LibratoAlert.md.
@{
    1 = { New-ExampleServices }
    2 = @{}
    3 = @{}
    4 = @{}
    5 = @{}
    6 = { New-ExampleServices }
    7 = { New-ExampleServices }
    8 = { New-ExampleServices }
    9 = @{ Errors = $true }
}
