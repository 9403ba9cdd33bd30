using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SalesAssistant.Accounts;
using SalesAssistant.Tests.Localization;

using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Accounts;

public sealed class LocalizedIdentityErrorsTests
{
    private readonly LocalizedIdentityErrors errors = new(new LocalizerFor<AccountText>().Localizer);

    /// <summary>Every error Identity can describe, by its method.</summary>
    public static TheoryData<string> Errors() =>
    [
        .. typeof(IdentityErrorDescriber).GetMethods().Where(m => m.ReturnType == typeof(IdentityError) && m.IsVirtual).Select(m => m.Name).Order(),
    ];

    private static IdentityError Describe(IdentityErrorDescriber describer, string method)
    {
        var info = typeof(IdentityErrorDescriber).GetMethod(method)!;
        object?[] arguments = [.. info.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)10 : "someone@store.test")];
        return (IdentityError)info.Invoke(describer, arguments)!;
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void In_English_an_error_says_what_Identity_says_with_its_code(string method)
    {
        using var english = new InLanguage("en");

        var ours = Describe(errors, method);
        var identitys = Describe(new IdentityErrorDescriber(), method);

        Assert.Equal(identitys.Code, ours.Code);
        Assert.Equal(identitys.Description, ours.Description);
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void Every_error_is_translated_into_Polish(string method)
    {
        using var polish = new InLanguage("pl");

        Assert.NotEqual(Describe(new IdentityErrorDescriber(), method).Description, Describe(errors, method).Description);
    }

    [Fact]
    public void The_staff_pages_errors_read_in_Polish()
    {
        using var polish = new InLanguage("pl");

        Assert.Equal("Hasło musi mieć co najmniej 10 znaków.", errors.PasswordTooShort(10).Description);
        Assert.Equal("Hasło musi zawierać co najmniej jedną cyfrę (0–9).", errors.PasswordRequiresDigit().Description);
        Assert.Equal("Adres e-mail „ala@sklep.pl” jest już używany.", errors.DuplicateEmail("ala@sklep.pl").Description);
        Assert.Equal("Nieprawidłowe hasło.", errors.PasswordMismatch().Description);
        Assert.Equal(nameof(IdentityErrorDescriber.DuplicateEmail), errors.DuplicateEmail("ala@sklep.pl").Code);
    }

    [Fact]
    public void The_app_describes_Identitys_errors_in_the_users_language()
    {
        var builder = WebApplication.CreateSlimBuilder();

        builder.AddAccounts();

        var describer = builder.Services.Last(d => d.ServiceType == typeof(IdentityErrorDescriber));
        Assert.Equal(typeof(LocalizedIdentityErrors), describer.ImplementationType);
    }
}
