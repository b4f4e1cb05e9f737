Console.WriteLine("workflows");
