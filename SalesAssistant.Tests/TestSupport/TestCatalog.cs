namespace SalesAssistant.Tests.TestSupport;

/// <summary>A small catalog whose figures the tests check by hand.</summary>
public static class TestCatalog
{
    public const string Header = "sku,ean,name,brand,category,price,stock,family,tier,accessories,talking_points,specs";

    /// <summary>
    /// Toasters: a family of four tiers (TOAST-4X is out of stock), three accessories of TOAST-2 in priority order
    /// (BAG-OUT is out of stock), a product without family (CAFFE) and one without accessories or family (KETTLE).
    /// </summary>
    public const string Csv = Header + "\n"
        + "TOAST-2,4006381333931,Toaster Duo,Crisp,Kitchen,40.00,5,Crisp toasters,1,CRUMB|BAG-OUT|JAM,Browns two slices evenly,Slots: 2; Power: 800 W; Colour: White\n"
        + "TOAST-4,,Toaster Quattro,Crisp,Kitchen,100.00,3,Crisp toasters,2,CRUMB,Toasts four slices at once|Lift-and-look lever checks without burning,Slots: 4; Power: 1500 W; Colour: White\n"
        + "TOAST-4X,,Toaster Quattro Steel,Crisp,Kitchen,160.00,0,Crisp toasters,3,,Brushed steel that shows no fingerprints,Slots: 4; Power: 1600 W; Colour: Steel\n"
        + "TOAST-6,,Toaster Banquet,Crisp,Kitchen,220.00,2,Crisp toasters,4,,Six slices: breakfast for a big family in one go,Slots: 6; Power: 2000 W; Colour: White; Timer: Yes\n"
        + "CRUMB,,Crumb tray brush,Crisp,Kitchen,5.50,10,,,,Keeps the toaster clean and safe,\n"
        + "BAG-OUT,,Toaster bags,Crisp,Kitchen,9.99,0,,,,Toasted cheese sandwiches without the mess,\n"
        + "JAM,,Jam selection,Local,Grocery,12.00,4,,,,Three jams for the weekend breakfast,\n"
        + "CAFFE,,Caffè Crema 2,Bello,Coffee,300.00,2,,,JAM,Barista crema at home,Pressure: 15 bar\n"
        + "KETTLE,,\"Kettle, quiet\",Bello,Kitchen,30.00,7,,,,,\n";
}
