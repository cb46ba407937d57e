// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {FairgateDeployer} from "./utils/FairgateDeployer.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {TicketFactory} from "../TicketFactory.sol";
import {EventTicket} from "../EventTicket.sol";
import {IEventTicket} from "../interfaces/IEventTicket.sol";

contract EventTicketTest is FairgateDeployer {
    uint8 internal constant ORGANIZER_CHANNEL = 4;

    TicketFactory factory;
    EventTicket ticket;
    address organizer = makeAddr("organizer");
    address fan = makeAddr("fan");

    function setUp() public {
        (factory,) = _deployFairgate();
        vm.prank(organizer);
        ticket = EventTicket(factory.createEvent("Fairgate Live", "FGL", uint64(block.timestamp + 30 days)));
    }

    function test_createEvent_setsOrganizerRoles() public view {
        assertEq(ticket.organizer(), organizer);
        assertEq(ticket.factory(), address(factory));
        assertTrue(ticket.hasRole(ticket.DEFAULT_ADMIN_ROLE(), organizer));
        assertTrue(ticket.hasRole(ticket.MINTER_ROLE(), organizer));
        assertEq(factory.eventCount(), 1);
        assertEq(factory.events(0), address(ticket));
    }

    function test_createEvent_emptyName_reverts() public {
        vm.expectRevert(TicketFactory.TicketFactoryEmptyName.selector);
        factory.createEvent("", "X", 0);
    }

    function test_mintTier_assignsSequentialIds() public {
        address[] memory to = new address[](3);
        to[0] = fan;
        to[1] = organizer;
        to[2] = fan;
        vm.prank(organizer);
        uint256 first = ticket.mintTier(0, ORGANIZER_CHANNEL, to);
        assertEq(first, 1);
        assertEq(ticket.ownerOf(1), fan);
        assertEq(ticket.ownerOf(2), organizer);
        assertEq(ticket.ownerOf(3), fan);
        assertEq(ticket.balanceOf(fan), 2);
        assertEq(ticket.totalMinted(), 3);
    }

    function test_mintTier_notMinter_reverts() public {
        address[] memory to = new address[](1);
        to[0] = fan;
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, fan, ticket.MINTER_ROLE())
        );
        vm.prank(fan);
        ticket.mintTier(0, ORGANIZER_CHANNEL, to);
    }

    function test_mintTier_empty_reverts() public {
        vm.expectRevert(IEventTicket.EventTicketEmptyBatch.selector);
        vm.prank(organizer);
        ticket.mintTier(0, ORGANIZER_CHANNEL, new address[](0));
    }

    function test_mintTier_tooLarge_reverts() public {
        uint256 max = ticket.MAX_BATCH();
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketBatchTooLarge.selector, max + 1, max));
        vm.prank(organizer);
        ticket.mintTier(0, ORGANIZER_CHANNEL, new address[](max + 1));
    }

    function test_mintTier_zeroAddress_reverts() public {
        address[] memory to = new address[](2);
        to[0] = fan;
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721InvalidReceiver.selector, address(0)));
        vm.prank(organizer);
        ticket.mintTier(0, ORGANIZER_CHANNEL, to);
    }

    /// Any batch size within bounds mints exactly that many consecutive ids to the right holders.
    function testFuzz_mintTier_consecutive(uint8 n1, uint8 n2) public {
        n1 = uint8(bound(n1, 1, 40));
        n2 = uint8(bound(n2, 1, 40));
        address[] memory a = new address[](n1);
        address[] memory b = new address[](n2);
        for (uint256 i; i < n1; ++i) a[i] = fan;
        for (uint256 i; i < n2; ++i) b[i] = organizer;
        vm.startPrank(organizer);
        assertEq(ticket.mintTier(0, ORGANIZER_CHANNEL, a), 1);
        assertEq(ticket.mintTier(0, ORGANIZER_CHANNEL, b), uint256(n1) + 1);
        vm.stopPrank();
        assertEq(ticket.totalMinted(), uint256(n1) + n2);
        assertEq(ticket.balanceOf(fan), n1);
        assertEq(ticket.balanceOf(organizer), n2);
        assertEq(ticket.ownerOf(uint256(n1) + n2), organizer);
    }
}
