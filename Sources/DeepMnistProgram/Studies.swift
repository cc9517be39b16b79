import Chapter5
import Chapter5Checks
import Datasets
import Foundation
import WorkbookCore

func initialisationStudy(_ arguments: Arguments) throws -> Int32 { 0 }
func vanishingStudy(_ arguments: Arguments) throws -> Int32 { 0 }
func depthStudy(_ arguments: Arguments) throws -> Int32 { 0 }
