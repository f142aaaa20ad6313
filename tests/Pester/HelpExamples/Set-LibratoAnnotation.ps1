# Setup of the examples of docs/cmdlets/Set-LibratoAnnotation.md.
@{
    1 = { New-ExampleAnnotations }
}
