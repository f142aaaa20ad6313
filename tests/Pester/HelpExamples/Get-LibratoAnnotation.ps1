# Setup of the examples of docs/cmdlets/Get-LibratoAnnotation.md.
@{
    1 = { New-ExampleAnnotations }
    2 = { New-ExampleAnnotations }
    3 = { New-ExampleAnnotations }
    4 = { New-ExampleAnnotations }
    5 = { New-ExampleAnnotations; $old = Get-LibratoSession; $new = Connect-ExampleAccount ops@example.org }
}
