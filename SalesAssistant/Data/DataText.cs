using Microsoft.Extensions.Localization;
using SalesAssistant.Localization;

namespace SalesAssistant.Data;

/// <summary>
/// The texts of results made below any service (<see cref="ChangeResult.NotFound"/>), in the current language.
/// Resources: DataText.resx (English, the neutral language) and DataText.{it,pl,nl}.resx. A static localizer: these
/// results are made where no service is injected; it reads the same resources <c>AddLocalization()</c> does.
/// </summary>
public sealed class DataText
{
    private DataText()
    {
    }

    internal static IStringLocalizer Localizer { get; } = StandaloneText.For<DataText>();
}
